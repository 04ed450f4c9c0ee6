// The soak's table, for people: one line per kind of call, then the failures by code and
// verdict, then the reconciliation.

export function formatSoak(result, { title = 'soak' } = {}) {
  const lines = [];
  const cell = (x) => (x === null || x === undefined ? '—' : String(x));
  const table = (rows) => {
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
    for (const row of rows)
      lines.push(
        row
          .map((value, i) => String(value).padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      );
  };
  lines.push(
    `${title}: ${result.requests} requests in ${result.seconds} s = ${result.throughput_rps} req/s; ` +
      `p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, p99 ${result.p99_ms} ms`,
  );
  table([
    ['kind', 'requests', 'p50 ms', 'p95 ms', 'p99 ms'],
    ...Object.entries(result.byKind).map(([kind, k]) => [
      kind,
      k.requests,
      cell(k.p50_ms),
      cell(k.p95_ms),
      cell(k.p99_ms),
    ]),
  ]);
  lines.push('');
  if (result.errors.length === 0) lines.push('errors: none');
  else {
    table([
      ['verdict', 'code', 'kind', 'count', 'example'],
      ...result.errors
        .sort((a, b) => a.verdict.localeCompare(b.verdict) || b.count - a.count)
        .map((e) => [e.verdict, e.code, e.kind, e.count, String(e.example ?? '').slice(0, 90)]),
    ]);
  }
  lines.push(
    `errors: unexpected ${result.unexpected}, expected by the domain ${result.expectedDomain}, ` +
      `expected during a fault ${result.expectedFault}`,
  );
  const r = result.reconciliation;
  lines.push(
    `accepted writes: ${r.accepted}; accepted writes missing: ${r.missing}; half-written: ${r.halfWritten}; ` +
      `outbox rows not relayed: ${result.relay.pending} (waited ${result.relay.waitedMs} ms)`,
  );
  lines.push(
    `outbox rows of notified events: ${result.events.rows}, without their notification: ${result.events.undelivered}, ` +
      `notified twice: ${result.events.notifiedTwice}`,
  );
  for (const check of r.invariants)
    if (check.count > 0) lines.push(`  HALF-WRITTEN: ${check.name}: ${check.count}`);
  for (const example of r.examples)
    lines.push(
      `  MISSING ${example.what}: ${JSON.stringify(example.key)} expected ${example.expected}, found ${example.found}`,
    );
  if (result.fault) lines.push(`fault: ${JSON.stringify(result.fault)}`);
  return lines.join('\n');
}
