import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { builtEntry, createTestDatabase, runToEnd, type TestDatabase } from '@dondoc/test-support';
import pg from 'pg';

const SEED = join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt');
const SECRET = 'a-secret-that-is-at-least-32-characters';

describe('the command line', () => {
  describe('parse', () => {
    it('prints the outline of a document as the JSON of API.md', async () => {
      const result = await runToEnd([builtEntry('cli'), 'parse', SEED, '--json'], {});
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.document).toMatchObject({
        issuer: 'TỈNH ỦY KON TUM',
        number: '410-BC/TU',
        date: '2019-05-13',
      });
      expect(json.tasksSection).toEqual(expect.objectContaining({ number: 'IV' }));
      expect(
        json.tasks.map((task: { number: string; children: { number: string }[] }) => [
          task.number,
          task.children.map((c) => c.number),
        ]),
      ).toEqual([
        ['1', ['1.1']],
        ['2', ['2.1']],
        ['3', ['3.1', '3.2']],
      ]);
      expect(json.footnotes).toHaveLength(18);
    });

    it('prints a readable tree with the tasks section marked', async () => {
      const result = await runToEnd([builtEntry('cli'), 'parse', SEED], {});
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/★ IV NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI/);
    });

    it.each([
      ['a missing file', join(tmpdir(), 'no-such-file.txt'), /no such file/],
      [
        'binary garbage',
        writeTemp('garbage.txt', Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 0])),
        /binary data/,
      ],
      ['an empty file', writeTemp('empty.txt', Buffer.alloc(0)), /is empty/],
      ['an unsupported type', writeTemp('table.xls', Buffer.from('x')), /\.xls|not supported|unsupported/i],
    ])('exits 1 with one line on stderr for %s', async (_, file, message) => {
      const result = await runToEnd([builtEntry('cli'), 'parse', file], {});
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  });

  describe('with a database', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database?.drop());
    const env = () => ({ DATABASE_URL: database.url, JWT_SECRET: SECRET, LOG_LEVEL: 'warn' });

    it('seeds the organizations and the demo users, idempotently', async () => {
      const first = await runToEnd([builtEntry('cli'), 'seed', '--demo'], env());
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/Organizations: \d+ created, 0 updated, 0 unchanged/);
      expect(first.stdout).toMatch(
        /Demo users created \(password "dondoc-demo"\): admin@dondoc.local, thuongtruc@dondoc.local, phunu@dondoc.local, kiemtra@dondoc.local/,
      );
      const again = await runToEnd([builtEntry('cli'), 'seed', '--demo'], env());
      expect(again.stdout).toMatch(/Organizations: 0 created, 0 updated, \d+ unchanged/);
      expect(again.stdout).toMatch(/Demo users already exist/);
    });

    it('refuses demo users in production', async () => {
      const result = await runToEnd([builtEntry('cli'), 'seed', '--demo'], {
        ...env(),
        NODE_ENV: 'production',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/never created in production/);
    });

    it('verifies the audit trail, and names the row someone tampered with', async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const intact = await runToEnd([builtEntry('cli'), 'audit', 'verify'], env());
        expect(intact.code).toBe(0);
        expect(intact.stdout).toMatch(/^Audit trail intact: \d+ events checked; 0 anchors of .+ matched\.$/m);
        const [{ id }] = (
          await client.query<{ id: string }>('SELECT id FROM audit_events ORDER BY id LIMIT 1')
        ).rows;
        await client.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
        await client.query(`UPDATE audit_events SET after = '{"name":"forged"}' WHERE id = $1`, [id]);
        await client.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
        const broken = await runToEnd([builtEntry('cli'), 'audit', 'verify'], env());
        expect(broken.code).toBe(1);
        expect(broken.stderr).toMatch(new RegExp(`^Audit trail broken at event #${id}: `));
      } finally {
        await client.end();
      }
    });
  });
});

function writeTemp(name: string, content: Buffer): string {
  const file = join(tmpdir(), `dondoc-cli-${process.pid}-${name}`);
  writeFileSync(file, content);
  return file;
}
