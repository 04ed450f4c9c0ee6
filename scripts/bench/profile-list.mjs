// `node scripts/bench/profile-list.mjs [seconds]`: a CPU profile of the built API while it
// serves the console's list request (page and count, one province, OVERDUE) at 8 connections
// on the nation data set, then its self time by package and by function (the API's start,
// about 2 s of module loading, is in the profile too: run longer to shrink it) — what stands
// between the list line and its floor. Writes the .cpuprofile under /tmp/dondoc-profile.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startApi } from './api-process.mjs';
import { consoleListBody, OVERDUE_FILTER } from './console-queries.mjs';
import { measureHttp } from './measure.mjs';

const seconds = Number(process.argv[2] ?? 10);
const directory = '/tmp/dondoc-profile';
rmSync(directory, { recursive: true, force: true });
mkdirSync(directory, { recursive: true });
const url = new URL(process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = '/dondoc_bench_nation';
const api = await startApi(url.toString(), {}, ['--cpu-prof', `--cpu-prof-dir=${directory}`]);
let http;
try {
  const token = await api.login('thuongtruc@dondoc.local');
  http = await measureHttp({
    url: api.url,
    headers: { authorization: `Bearer ${token}` },
    body: consoleListBody(OVERDUE_FILTER),
    connections: 8,
    seconds,
  });
} finally {
  await api.stop(); // SIGTERM: the profile is written as the process ends
}
const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${directory}`);
const profile = JSON.parse(readFileSync(join(directory, file), 'utf8'));
const self = new Map(profile.nodes.map((node) => [node.id, 0]));
for (let i = 0; i < profile.samples.length; i++) {
  self.set(profile.samples[i], self.get(profile.samples[i]) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = profile.nodes
  .filter((n) => n.callFrame.functionName === '(idle)')
  .reduce((sum, n) => sum + self.get(n.id), 0);
const busy = total - idle;
const packageOf = ({ url: source, functionName }) => {
  if (!source) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = source.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = source.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (source.startsWith('node:')) return 'node';
  return source.includes('/dist/') ? 'dondoc' : source;
};
const byPackage = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
  if (node.callFrame.functionName === '(idle)') continue;
  const t = self.get(node.id);
  const pkg = packageOf(node.callFrame);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
  const name = `${node.callFrame.functionName || '(anonymous)'} ${pkg}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + t);
}
const top = (map, n) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => `  ${((100 * t) / busy).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
const requests = http.rps * seconds;
process.stdout.write(
  `${http.rps} req/s, p95 ${http.p95_ms} ms; API busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms profiled, ` +
    `~${(busy / 1000 / requests).toFixed(2)} ms of API CPU per request\n\nself time by package (share of busy time):\n${top(byPackage, 15)}\n\nby function:\n${top(byFunction, 25)}\n`,
);
