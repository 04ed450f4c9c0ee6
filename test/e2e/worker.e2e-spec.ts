import { Redis } from 'ioredis';

import { WORKER_HEARTBEAT_KEY } from '@dondoc/platform';
import {
  builtEntry,
  createTestDatabase,
  redisUrl,
  startProcess,
  type TestDatabase,
  waitForExit,
} from '@dondoc/test-support';

const SECRET = 'a-secret-that-is-at-least-32-characters';

describe('the worker process', () => {
  let database: TestDatabase;
  // A Redis database of its own, so a developer's running worker does not answer for it.
  const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/11`;
  const redis = new Redis(workerRedisUrl);

  beforeAll(async () => {
    database = await createTestDatabase();
    await redis.flushdb();
  });
  afterAll(async () => {
    redis.disconnect();
    await database?.drop();
  });

  it('runs its heartbeat job on Redis and stops cleanly on SIGTERM', async () => {
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'info',
    });
    try {
      let heartbeat: string | null = null;
      for (let waited = 0; waited < 30_000 && heartbeat === null; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        heartbeat = await redis.get(WORKER_HEARTBEAT_KEY);
      }
      expect(heartbeat).not.toBeNull();
      expect(Date.now() - Date.parse(heartbeat as string)).toBeLessThan(60_000);
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
    }
    expect(worker.exitCode).toBe(0);
    expect(worker.output()).toMatch(/SIGTERM: finishing the job in hand, then stopping/);
  });
});
