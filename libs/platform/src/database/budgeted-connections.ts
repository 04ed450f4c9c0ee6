import type { DataSource } from 'typeorm';

import { currentRequestBudget } from './request-budget.js';

type Release = (error?: unknown) => void;
interface PoolingDriver {
  obtainMasterConnection(): Promise<[unknown, Release]>;
}

/**
 * Makes every connection taken from `dataSource`'s pool while a request is being served count
 * against that request's budget (`RequestBudget`): it waits for one of the request's permits
 * first, and gives the permit back when TypeORM releases the connection. Outside a request
 * (boot, outbox relay, scheduled work) connections are taken as before.
 *
 * TypeORM 1.x takes every pooled connection through `PostgresDriver.obtainMasterConnection`
 * (query runners, `dataSource.query`, transactions), so this one seam bounds them all.
 */
export function limitConnectionsPerRequest(dataSource: DataSource): DataSource {
  const driver = dataSource.driver as unknown as PoolingDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const budget = currentRequestBudget();
    if (!budget) return obtain();
    await budget.acquire();
    let connection: [unknown, Release];
    try {
      connection = await obtain();
    } catch (error) {
      budget.release();
      throw error;
    }
    const [client, release] = connection;
    let released = false;
    return [
      client,
      (error?: unknown) => {
        if (!released) {
          released = true;
          budget.release();
        }
        release(error);
      },
    ];
  };
  return dataSource;
}
