import { ConfigException } from '../config/app-config.js';

/**
 * A process that cannot start says why in one line per problem, on stderr, and exits 1:
 * no stack trace for an operator to decode.
 */
export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigException) {
    for (const problem of error.problems) {
      process.stderr.write(`Configuration error: ${problem}\n`);
    }
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Cannot start: ${describeStartupError(message)}\n`);
  }
  process.exit(1);
}

function describeStartupError(message: string): string {
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|password authentication|does not exist|timeout/i.test(message)) {
    return `the database at DATABASE_URL does not answer (${message.split('\n')[0]})`;
  }
  return message.split('\n')[0] ?? message;
}
