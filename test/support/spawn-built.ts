import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { productFreeEnv } from '../../scripts/cluster/index.mjs';
import { TEST_AUDIT_KEY } from './test-services.js';

/** The built faces (npm run build:server); the process tests run what production runs. */
export function builtEntry(face: 'api' | 'worker' | 'cli'): string {
  const entry = join(process.cwd(), 'dist', 'apps', face, 'src', 'main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run npm run build:server first (npm test does)`);
  }
  return entry;
}

/**
 * Environment for a child process: the parent's, minus every product variable (the cluster
 * harness's list, one for both), plus `env`.
 * The test AUDIT_KEY unless `env` names one, and an anchor file of its own that does not
 * exist yet: a developer's .data/audit-anchors.jsonl is no test's business.
 */
export function cleanEnv(env: Record<string, string>): Record<string, string> {
  const keep = productFreeEnv({});
  const anchors = join(
    tmpdir(),
    `dondoc-test-anchors-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`,
  );
  return { ...keep, AUDIT_KEY: TEST_AUDIT_KEY, AUDIT_ANCHOR_FILE: anchors, ...env };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runToEnd(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function startProcess(
  args: string[],
  env: Record<string, string>,
): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, args, { env: cleanEnv(env) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export async function waitForHttp(
  url: string,
  timeoutMs: number,
  isReady = (status: number) => status === 200,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url);
      if (isReady(response.status)) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`process did not exit within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
