import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runInitdb, startPostgresServer } from './embedded-postgres-process.js';

/**
 * A binary that cannot be run (missing, not executable, behind a folder its user cannot
 * enter) is a rejected promise with one clear message: the child's 'error' event once
 * killed the whole process with a stack trace.
 */
describe('running the embedded PostgreSQL binaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-pg-process-'));
  const notExecutable = join(dir, 'initdb');
  writeFileSync(notExecutable, '#!/bin/sh\n');
  chmodSync(notExecutable, 0o644);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a binary that cannot be spawned into a rejection naming it', async () => {
    await expect(
      runInitdb({
        initdb: notExecutable,
        clusterDir: join(dir, 'pg'),
        user: 'postgres',
        passwordFile: join(dir, 'password'),
        flags: [],
        runAs: {},
        log: () => undefined,
      }),
    ).rejects.toThrow(`cannot run ${notExecutable} (EACCES)`);

    const missing = join(dir, 'bin', 'postgres');
    await expect(
      startPostgresServer({
        postgres: missing,
        clusterDir: join(dir, 'pg'),
        port: 1,
        flags: [],
        runAs: {},
        probeUrl: 'postgres://postgres:none@127.0.0.1:1/postgres',
        log: () => undefined,
      }),
    ).rejects.toThrow(`cannot run ${missing} (ENOENT)`);
  });

  it('says how a server that exits before answering ended, with its last words', async () => {
    const failing = join(dir, 'postgres');
    writeFileSync(failing, '#!/bin/sh\necho "FATAL:  could not bind IPv4 address" >&2\nexit 1\n', {
      mode: 0o755,
    });
    await expect(
      startPostgresServer({
        postgres: failing,
        clusterDir: join(dir, 'pg'),
        port: 1,
        flags: [],
        runAs: {},
        probeUrl: 'postgres://postgres:none@127.0.0.1:1/postgres',
        log: () => undefined,
      }),
    ).rejects.toThrow('it exited (exit code 1): FATAL:  could not bind IPv4 address');
  });
});
