import { spawn } from 'node:child_process';

/** Children still running: killed when this process exits, whatever way it exits. */
const running = new Set();
let exitHookInstalled = false;
function killOnExit(child) {
  running.add(child);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers may only do synchronous work: a signal is that.
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/**
 * One child process of the cluster: its output kept (and forwarded to `log`, prefixed by its
 * name), its exit remembered, and a stop that always ends in SIGKILL if a signal is ignored.
 */
export function startChild(name, command, args, { env, log, cwd }) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exit = null;
  killOnExit(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      exit = signal ? `signal ${signal}` : `code ${code}`;
      resolve(exit);
    });
    // A spawn that fails (a missing binary) emits 'error' without 'exit'.
    child.once('error', (error) => {
      running.delete(child);
      output += `${error}\n`;
      exit = `spawn error ${error.code ?? error.message}`;
      resolve(exit);
    });
  });
  const collect = (chunk) => {
    const text = chunk.toString();
    output += text;
    // Bounded: a long soak must not keep every log line of every process in memory.
    if (output.length > 2_000_000) output = output.slice(-1_000_000);
    if (log) for (const line of text.split('\n')) if (line !== '') log(`[${name}] ${line}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  return {
    name,
    pid: child.pid,
    output: () => output,
    /** Null while running, else how it ended ("code 0", "signal SIGKILL"). */
    exit: () => exit,
    exited,
    signal(signal) {
      if (exit === null) child.kill(signal);
    },
    /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. */
    async stop(signal = 'SIGTERM', graceMs = 20_000) {
      if (exit !== null) return exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
