// The SQL the API sends for each hot request (console-queries.mjs HOT), captured by
// capture-sql.mjs in an API started for the purpose: what bench-plans.mjs explains into
// bench/plans/<scale>/<name>.txt, and what bench.mjs compares with those files to say when
// they are stale. Only statement TEXT is compared (whitespace folded), never timings or
// parameters (today's date changes them every day).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startApi } from './api-process.mjs';
import { HOT } from './console-queries.mjs';

export const plansDirectory = (scale) => join('bench', 'plans', scale);

/**
 * A statement's text with its whitespace folded (re-indenting is not a change) and its
 * placeholders unnumbered, a list of them as one (`IN ($3, $4)` and `IN ($3)` are the same
 * statement for another number of ids, and every later placeholder's number moves with it).
 */
export const normalise = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+/g, '$')
    .replace(/\$(\s*,\s*\$)+/g, '$')
    .trim();

/**
 * Starts the built API on `url` with every SQL statement captured, and gives `each(name, hot,
 * statements)` the reads (SELECT / WITH) that one request of each HOT entry sends, after one
 * warm-up request (what is cached once is not the hot path).
 */
export async function captureHotStatements(url, each) {
  const capture = join(tmpdir(), `dondoc-bench-sql-${process.pid}.jsonl`);
  writeFileSync(capture, '');
  const api = await startApi(url, {
    CAPTURE_SQL_FILE: capture,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ./scripts/bench/capture-sql.mjs`.trim(),
  });
  try {
    const tokens = new Map();
    for (const [name, hot] of Object.entries(HOT)) {
      if (!tokens.has(hot.as)) tokens.set(hot.as, await api.login(hot.as));
      await api.request(hot.body, tokens.get(hot.as));
      writeFileSync(capture, '');
      await api.request(hot.body, tokens.get(hot.as));
      const statements = readFileSync(capture, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
      await each(name, hot, statements);
    }
  } finally {
    await api.stop();
    rmSync(capture, { force: true });
  }
}

/** The statement texts of a committed plan file (bench-plans.mjs's layout), or null if none. */
export function committedStatements(file) {
  if (!existsSync(file)) return null;
  const texts = [];
  const pattern = /^-- statement \d+\n([\s\S]*?)\n-- parameters: /gm;
  for (const match of readFileSync(file, 'utf8').matchAll(pattern)) texts.push(match[1]);
  return texts;
}

/**
 * Which HOT requests now send other statements than their committed plan shows: `stale`
 * names (missing files included), `checked` all names compared.
 */
export async function stalePlans(url, scale) {
  const stale = [];
  const checked = [];
  await captureHotStatements(url, (name, _hot, statements) => {
    checked.push(name);
    const committed = committedStatements(join(plansDirectory(scale), `${name}.txt`));
    const now = statements.map((s) => normalise(s.text));
    if (committed === null || committed.map(normalise).join('\n;\n') !== now.join('\n;\n')) stale.push(name);
  });
  return { stale, checked };
}
