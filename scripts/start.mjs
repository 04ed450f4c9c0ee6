// `npm start`: everything a newcomer needs in one terminal. Starts the API (which, with no
// DATABASE_URL, runs an embedded PostgreSQL and serves the console at /admin), waits until
// it answers, then starts the worker. Ctrl-C stops both; the API stops its database.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const node = process.execPath;
const children = [];
let stopping = false;

function run(name, entry) {
  const child = spawn(node, ['--enable-source-maps', entry], { stdio: 'inherit', env: process.env });
  // A child that cannot be spawned at all (node gone, EACCES) says so in one line instead of
  // an unhandled 'error' event with a stack trace.
  child.on('error', (error) => {
    console.error(`dondoc: cannot start the ${name} (${error.code ?? error.message}); stopping everything`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`dondoc: the ${name} stopped (${signal ?? `exit code ${code}`}); stopping everything`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const waitAll = children.map((child) =>
    child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve(),
  );
  Promise.all(waitAll).then(() => process.exit(code));
  setTimeout(() => process.exit(code), 20_000).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForApi(timeoutMs) {
  const started = Date.now();
  while (!stopping && Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

run('API', 'dist/apps/api/src/main.js');
if (await waitForApi(180_000)) {
  run('worker', 'dist/apps/worker/src/main.js');
  console.log(
    `\n  Dondoc is running: console http://localhost:${port}/admin   GraphQL http://localhost:${port}/graphql\n`,
  );
} else if (!stopping) {
  console.error('dondoc: the API did not become ready within 3 minutes');
  stop(1);
}
