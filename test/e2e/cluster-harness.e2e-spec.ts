import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

import { createTestDatabase, type TestDatabase } from '@dondoc/test-support';

import { startCluster } from '../../scripts/cluster/index.mjs';
import { processesMarked } from '../support/processes-marked.js';

/**
 * The multi-instance harness itself: a start that fails (here, nobody is ready within 1 ms)
 * throws, names the process, and leaves no process behind — neither the faces nor Redis.
 */
describe('the cluster harness', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('stops everything it started when a process does not become ready', async () => {
    const mark = randomBytes(8).toString('hex');
    const lines: string[] = [];
    await expect(
      startCluster({
        databaseUrl: database.url,
        apis: 1,
        workers: 1,
        startTimeoutMs: 1,
        env: { DONDOC_TEST_MARK: mark },
        log: (line) => lines.push(line),
      }),
    ).rejects.toThrow(/^(api1|worker1): http:\/\/127\.0\.0\.1:\d+\/health\/ready was not ready within 1 ms/);

    expect(processesMarked(mark)).toEqual([]);
    const redisPort = Number(/^\[redis:(\d+)\]/.exec(lines[0] ?? '')?.[1]);
    expect(redisPort).toBeGreaterThan(0);
    expect(await accepts(redisPort)).toBe(false);
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
