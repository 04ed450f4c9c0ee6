/**
 * Where a bench data set lives by default: `dondoc_bench_<scale>` on the server of
 * DATABASE_URL (or of TEST_DATABASE_URL, or the machine's PostgreSQL as `postgres`).
 */
export function benchDatabaseUrl(env: NodeJS.ProcessEnv, scale: string): string {
  const server = new URL(
    env.DATABASE_URL ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  server.pathname = `/dondoc_bench_${scale}`;
  return server.toString();
}
