import { freePort } from '@dondoc/platform';

import { signIn } from '../boot-api.js';
import { builtEntry, startProcess, waitForHttp } from '../spawn-built.js';
import type { FuzzOperation } from './operations.js';
import type { FuzzResponse } from './response-checker.js';

type Child = ReturnType<typeof startProcess>;

/** The callers the suite sends every operation as; null is anonymous. */
export interface Caller {
  name: string;
  email: string | null;
  password: string;
}

/**
 * The built API (what production runs) as a child process on a prepared database, so a
 * request that exhausts the heap or blocks the event loop fails that request, not the test
 * runner; the harness restarts it and carries on, counting the restarts.
 */
export class ApiUnderFuzz {
  private child: Child | null = null;
  url = '';
  restarts = 0;
  private readonly sessions = new Map<string, Record<string, string>>();

  constructor(
    private readonly env: Record<string, string>,
    private readonly callers: readonly Caller[],
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    // A bounded heap: a query that would grow it without end dies in seconds, not minutes.
    this.child = startProcess(['--max-old-space-size=1024', '--enable-source-maps', builtEntry('api')], {
      // Each operation's X-Forwarded-For is its address, as behind a proxy on the host.
      TRUSTED_PROXIES: 'loopback',
      ...this.env,
      PORT: String(port),
    });
    this.url = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${this.url}/health`, 60_000);
    } catch (error) {
      throw new Error(`${String(error)}\n--- API output ---\n${this.child.output().slice(-4_000)}`, {
        cause: error,
      });
    }
    for (const caller of this.callers) await this.signIn(caller);
  }

  /** How each replaced API ended: its exit and the end of its output (a heap exhaustion says so). */
  readonly deaths: string[] = [];

  /** Kills a stuck or dead API and starts a new one on the same database. */
  async restart(): Promise<void> {
    this.restarts += 1;
    const child = this.child;
    const state =
      child?.exitCode !== null ? `exited with ${child?.exitCode ?? child?.signalCode}` : 'stalled, killed';
    this.deaths.push(`${state}; output: ${(child?.output() ?? '').slice(-1_500).replace(/\s+/g, ' ')}`);
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  output(): string {
    return this.child?.output() ?? '';
  }

  headersOf(caller: Caller): Record<string, string> {
    return this.sessions.get(caller.name) ?? {};
  }

  /** Callers who could no longer sign in: an operation changed their account, which the suite must prevent. */
  readonly lostCallers = new Set<string>();

  async signIn(caller: Caller): Promise<void> {
    if (!caller.email) return;
    try {
      const session = await signIn(this.url, caller.email, caller.password);
      this.sessions.set(caller.name, session.headers);
    } catch (error) {
      this.lostCallers.add(`${caller.name}: ${String(error).slice(0, 300)}`);
      this.sessions.delete(caller.name);
    }
  }

  /** Sends one operation as `headers`, from an address of its own (the login throttle counts by address). */
  async send(
    operation: FuzzOperation,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<FuzzResponse> {
    const started = performance.now();
    const address = `10.${(operation.index >> 8) & 255}.${operation.index & 255}.${1 + (operation.index % 250)}`;
    try {
      const response = await fetch(`${this.url}/graphql${operation.search}`, {
        method: operation.method,
        headers: {
          ...(operation.contentType ? { 'content-type': operation.contentType } : {}),
          'x-forwarded-for': address,
          ...headers,
        },
        // Bytes, so fetch adds no content type of its own.
        body: operation.body === null ? undefined : Buffer.from(operation.body, 'utf8'),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, text, ms: performance.now() - started };
    } catch (error) {
      const ms = performance.now() - started;
      const name = (error as Error).name;
      return {
        status: 0,
        text: '',
        ms,
        failure: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'connection',
      };
    }
  }

  async alive(): Promise<boolean> {
    try {
      return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(5_000) })).status === 200;
    } catch {
      return false;
    }
  }

  /** `{ me { id } }` as the probe user: how long another user waits right now. */
  async probe(headers: Record<string, string>, timeoutMs: number): Promise<{ ms: number; ok: boolean }> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ me { id } }' }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as { data?: { me?: { id?: string } } };
      return { ms: performance.now() - started, ok: Boolean(body.data?.me?.id) };
    } catch {
      return { ms: performance.now() - started, ok: false };
    }
  }
}
