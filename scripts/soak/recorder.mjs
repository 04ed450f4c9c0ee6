// What the soak saw: every call's time by kind, every failure by code, each failure judged
// expected (the domain refusing a move another user's write made stale, or a fault the run
// is causing on purpose) or unexpected; and the ledger of accepted writes to reconcile.

/** Codes the domain answers when a state moved under the caller: a race, not a fault. */
export const DOMAIN_EXPECTED = {
  submitReport: ['CONFLICT'],
  resubmitReport: ['CONFLICT'],
  requestExtension: ['CONFLICT', 'BAD_USER_INPUT'],
  requestCompletion: ['CONFLICT'],
  reviewReport: ['CONFLICT'],
  decideExtension: ['CONFLICT'],
  decideCompletion: ['CONFLICT'],
};

export function createRecorder() {
  const latencies = new Map();
  const failures = new Map();
  const ledger = [];
  /** Windows in which a fault is under way: failures with their codes are expected then. */
  const windows = [];
  const firstMessages = new Map();
  let requests = 0;
  let started = null;
  let stopped = null;

  const judge = (kind, result) => {
    if (DOMAIN_EXPECTED[kind]?.includes(result.code)) return 'domain';
    // A call in flight when the fault began is as exposed as one started during it.
    const endedAt = result.startedAt + result.ms;
    const during = windows.find(
      (w) => w.codes.includes(result.code) && result.startedAt <= w.to && endedAt >= w.from,
    );
    if (!during) return 'unexpected';
    during.lastFailureAt = Math.max(during.lastFailureAt ?? 0, endedAt);
    return `fault:${during.name}`;
  };

  return {
    ledger,
    start() {
      started = Date.now();
    },
    stop() {
      stopped = Date.now();
    },
    /** Counts one call; returns the result so callers can chain on it. */
    record(kind, result) {
      requests++;
      if (!latencies.has(kind)) latencies.set(kind, []);
      latencies.get(kind).push(result.ms);
      if (!result.ok) {
        const verdict = judge(kind, result);
        const key = `${verdict}\t${result.code}\t${kind}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        if (!firstMessages.has(key)) firstMessages.set(key, result.message);
      }
      return result;
    },
    accepted(write) {
      ledger.push(write);
    },
    /** From now on `codes` are expected failures of fault `name`, until `endFault`. */
    beginFault(name, codes) {
      windows.push({ name, codes, from: Date.now(), to: Infinity });
    },
    /** Calls started up to `graceMs` from now may still fail with the fault's codes. */
    endFault(name, graceMs = 2_000) {
      const open = windows.find((w) => w.name === name && w.to === Infinity);
      if (open) open.to = Date.now() + graceMs;
    },
    /** When the last call failed with fault `name`'s codes (ms since the epoch), or null. */
    lastFailureOf(name) {
      return windows.find((w) => w.name === name)?.lastFailureAt ?? null;
    },
    summary() {
      const seconds = ((stopped ?? Date.now()) - (started ?? Date.now())) / 1000;
      const byKind = {};
      for (const [kind, list] of [...latencies].sort(([a], [b]) => a.localeCompare(b))) {
        const sorted = Float64Array.from(list).sort();
        const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
        byKind[kind] = { requests: list.length, p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99) };
      }
      const all = Float64Array.from([...latencies.values()].flat()).sort();
      const overall = (q) => round(all[Math.min(all.length - 1, Math.floor(q * all.length))]);
      const errors = [...failures].map(([key, count]) => {
        const [verdict, code, kind] = key.split('\t');
        return { verdict, code, kind, count, example: firstMessages.get(key) };
      });
      const total = (verdict) =>
        errors
          .filter((e) => (verdict === 'fault' ? e.verdict.startsWith('fault:') : e.verdict === verdict))
          .reduce((sum, e) => sum + e.count, 0);
      return {
        seconds: round(seconds),
        requests,
        throughput_rps: round(requests / Math.max(seconds, 0.001)),
        p50_ms: overall(0.5),
        p95_ms: overall(0.95),
        p99_ms: overall(0.99),
        byKind,
        errors,
        unexpected: total('unexpected'),
        expectedDomain: total('domain'),
        expectedFault: total('fault'),
        acceptedWrites: ledger.length,
        faults: windows.map((w) => ({
          name: w.name,
          codes: w.codes,
          lastFailureAt: w.lastFailureAt ?? null,
        })),
      };
    },
  };
}

export function round(x, digits = 1) {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}
