import { ConfigException } from '../config/app-config.js';
import type { Runtime } from './prepare-runtime.js';

/**
 * A process that cannot start says why in one line per problem, on stderr, and exits 1:
 * no stack trace for an operator to decode. What its runtime started (the embedded
 * PostgreSQL, when the port was taken or Nest failed after it) is stopped first, so a
 * failed start leaves no server behind.
 */
export async function exitOnStartupError(error: unknown, runtime?: Pick<Runtime, 'stop'>): Promise<never> {
  if (error instanceof ConfigException) {
    for (const problem of error.problems) {
      process.stderr.write(`Configuration error: ${problem}\n`);
    }
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot start: ${describeStartupError(message)}\n`);
  }
  if (runtime !== undefined) {
    const giveUp = new Promise((resolve) => setTimeout(resolve, 20_000).unref());
    await Promise.race([runtime.stop().catch(() => undefined), giveUp]);
  }
  process.exit(1);
}

function describeStartupError(message: string): string {
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|password authentication|does not exist|timeout/i.test(message)) {
    return `the database at DATABASE_URL does not answer (${message.split('\n')[0]})`;
  }
  return message.split('\n')[0] ?? message;
}
