import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends while `work` runs, on every query runner of
 * `dataSource` (the counter sits on the runners' shared prototype, then is put back).
 * Statements of other work running meanwhile count too: use it where nothing else runs.
 */
export async function countStatements(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const original = prototype.query;
  let statements = 0;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return statements;
}
