import type { ApiUnderFuzz, Caller } from './api-under-fuzz.js';
import type { FuzzOperation } from './operations.js';
import { errorCodes, type FuzzResponse, problemsOf } from './response-checker.js';

export interface FuzzLimits {
  concurrency: number;
  /** A request running longer than this is a failure, and the API is restarted. */
  requestTimeoutMs: number;
  /** The probe must answer within this. */
  probeBudgetMs: number;
  /** A probe after every this many requests (and one beside each heavy operation). */
  probeEvery: number;
  /**
   * After this many stalled, lost or slow (over `slowMs`) answers, the rest of that class is skipped:
   * on a build that fails, the run stays short and still names every class. Heavy families
   * (deep nesting, aliases) form one class each; the others one per root field.
   */
  hazardsPerClass: number;
  slowMs: number;
}

export interface Failure {
  operation: FuzzOperation;
  caller: string;
  problems: string[];
  response: FuzzResponse;
}

export interface ProbeFailure {
  ms: number;
  during: string[];
}

export interface FuzzReport {
  operations: number;
  requests: number;
  byCaller: Record<string, number>;
  byFamily: Record<string, number>;
  /** Seconds spent waiting for answers, by family (summed over concurrent requests). */
  secondsByFamily: Record<string, number>;
  statusClasses: Record<string, number>;
  errorCodes: Record<string, number>;
  skipped: number;
  skippedByClass: Record<string, number>;
  relogins: number;
  connectionRetries: number;
  probes: number;
  slowestProbeMs: number;
  /** The slowest requests, slowest first. */
  slowestRequests: { ms: number; what: string }[];
  failures: Failure[];
  probeFailures: ProbeFailure[];
  seconds: number;
}

const count = (histogram: Record<string, number>, key: string, by = 1) => {
  histogram[key] = (histogram[key] ?? 0) + by;
};

const classOf = (operation: FuzzOperation) => `${operation.family}:${operation.target}`;
const HEAVY_FAMILIES = new Set(['deep-nesting', 'aliases', 'wide']);
const hazardClassOf = (operation: FuzzOperation) =>
  HEAVY_FAMILIES.has(operation.family) ? operation.family : classOf(operation);

/**
 * Sends every operation as every caller with bounded concurrency, checks each answer, probes
 * another user's latency throughout, and restarts the API when a request kills or stalls it.
 */
export async function runFuzz(
  api: ApiUnderFuzz,
  operations: readonly FuzzOperation[],
  callers: readonly Caller[],
  probeCaller: Caller,
  limits: FuzzLimits,
): Promise<FuzzReport> {
  const started = performance.now();
  const report: FuzzReport = {
    operations: operations.length,
    requests: 0,
    byCaller: {},
    byFamily: {},
    secondsByFamily: {},
    statusClasses: {},
    errorCodes: {},
    skipped: 0,
    skippedByClass: {},
    relogins: 0,
    connectionRetries: 0,
    probes: 0,
    slowestProbeMs: 0,
    slowestRequests: [],
    failures: [],
    probeFailures: [],
    seconds: 0,
  };
  const hazards = new Map<string, number>();
  const inFlight = new Set<string>();
  const probes: Promise<void>[] = [];
  let generation = 0;
  let restarting: Promise<void> | null = null;
  let sinceProbe = 0;

  const restart = (seenGeneration: number): Promise<void> => {
    if (generation !== seenGeneration) return restarting ?? Promise.resolve();
    restarting ??= api.restart().then(() => {
      generation += 1;
      restarting = null;
    });
    return restarting;
  };

  const probe = () => {
    if (restarting) return;
    const seenGeneration = generation;
    const during = [...inFlight];
    probes.push(
      api.probe(api.headersOf(probeCaller), limits.requestTimeoutMs).then(({ ms, ok }) => {
        if (generation !== seenGeneration || restarting) return; // the API was being replaced
        report.probes += 1;
        report.slowestProbeMs = Math.max(report.slowestProbeMs, ms);
        if (!ok || ms > limits.probeBudgetMs) report.probeFailures.push({ ms: Math.round(ms), during });
      }),
    );
  };

  const sendOnce = async (operation: FuzzOperation, caller: Caller): Promise<FuzzResponse> => {
    for (let attempt = 0; ; attempt += 1) {
      if (restarting) await restarting;
      const seenGeneration = generation;
      const label = `#${operation.index} ${classOf(operation)} as ${caller.name}`;
      inFlight.add(label);
      if (operation.heavy) setTimeout(probe, 150);
      const response = await api.send(operation, api.headersOf(caller), limits.requestTimeoutMs);
      inFlight.delete(label);
      if (!response.failure) {
        if (
          caller.email &&
          errorCodes(response.text).includes('UNAUTHENTICATED') &&
          !(await api.probe(api.headersOf(caller), limits.requestTimeoutMs)).ok &&
          attempt === 0
        ) {
          // The operation ended this caller's session (or the API lost it): sign in again, resend.
          report.relogins += 1;
          await api.signIn(caller);
          continue;
        }
        return response;
      }
      // A kept-alive socket the server had just closed: the API is up, so resend.
      if (response.failure === 'connection' && attempt === 0 && !restarting && (await api.alive())) {
        report.connectionRetries += 1;
        continue;
      }
      // A request in flight when another one took the API down is not to blame: resend it.
      if (generation !== seenGeneration || restarting) {
        await restart(seenGeneration);
        if (attempt < 2) continue;
      }
      await restart(seenGeneration);
      return response;
    }
  };

  const tasks = operations.flatMap((operation) => callers.map((caller) => ({ operation, caller })));
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const { operation, caller } = tasks[next++]!;
      const key = classOf(operation);
      if ((hazards.get(hazardClassOf(operation)) ?? 0) >= limits.hazardsPerClass) {
        report.skipped += 1;
        count(report.skippedByClass, hazardClassOf(operation));
        continue;
      }
      const response = await sendOnce(operation, caller);
      report.requests += 1;
      count(report.byCaller, caller.name);
      count(report.byFamily, operation.family);
      count(report.secondsByFamily, operation.family, Math.round(response.ms) / 1000);
      count(report.statusClasses, response.failure ?? `${Math.floor(response.status / 100)}xx`);
      for (const code of new Set(errorCodes(response.text))) {
        if (!response.failure) count(report.errorCodes, code);
      }
      report.slowestRequests.push({
        ms: Math.round(response.ms),
        what: `#${operation.index} ${key} as ${caller.name}`,
      });
      report.slowestRequests = report.slowestRequests.sort((a, b) => b.ms - a.ms).slice(0, 8);
      const problems = problemsOf(response);
      if (problems.length > 0) report.failures.push({ operation, caller: caller.name, problems, response });
      if (response.failure || response.ms > limits.slowMs) {
        const skipKey = hazardClassOf(operation);
        hazards.set(skipKey, (hazards.get(skipKey) ?? 0) + 1);
      }
      if (++sinceProbe >= limits.probeEvery) {
        sinceProbe = 0;
        probe();
      }
    }
  };
  await Promise.all(Array.from({ length: limits.concurrency }, worker));
  await Promise.all(probes);
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

/** The counts, and one example of each kind of failure with what is needed to replay it. */
export function describeReport(report: FuzzReport, seed: number, restarts: number): string {
  const lines = [
    `fuzz seed ${seed} (FUZZ_SEED=${seed} replays it): ${report.operations} operations, ${report.requests} requests in ${report.seconds} s, ${report.skipped} skipped after repeated stalls, ${restarts} API restarts, ${report.relogins} re-logins, ${report.connectionRetries} resends on a closed socket`,
    `  requests by caller: ${JSON.stringify(report.byCaller)}`,
    `  operations by family (requests): ${JSON.stringify(report.byFamily)}`,
    `  seconds waited by family: ${JSON.stringify(Object.fromEntries(Object.entries(report.secondsByFamily).map(([k, v]) => [k, Math.round(v)])))}`,
    `  skipped by class: ${JSON.stringify(report.skippedByClass)}`,
    `  status classes: ${JSON.stringify(report.statusClasses)}`,
    `  error codes: ${JSON.stringify(report.errorCodes)}`,
    `  probes: ${report.probes}, slowest ${Math.round(report.slowestProbeMs)} ms, ${report.probeFailures.length} over budget`,
    `  slowest requests: ${report.slowestRequests.map((r) => `${r.ms} ms ${r.what}`).join('; ')}`,
    `  failures: ${report.failures.length}`,
  ];
  // One line per kind of failure (an internal error's message, a leak, a stall), with the
  // fields and callers it was seen with and one example to replay.
  const kinds = new Map<
    string,
    { failure: Failure; count: number; callers: Set<string>; targets: Set<string> }
  >();
  for (const failure of report.failures) {
    for (const problem of failure.problems) {
      const kind = kindOf(problem, failure);
      const seen = kinds.get(kind);
      if (seen) {
        seen.count += 1;
        seen.callers.add(failure.caller);
        seen.targets.add(classOf(failure.operation));
      } else {
        kinds.set(kind, {
          failure,
          count: 1,
          callers: new Set([failure.caller]),
          targets: new Set([classOf(failure.operation)]),
        });
      }
    }
  }
  for (const [kind, { failure, count: times, callers, targets }] of kinds) {
    const { operation, response } = failure;
    lines.push(
      `  ✗ ${kind} ×${times}`,
      `      as ${[...callers].join(', ')}; in ${[...targets].slice(0, 12).join(', ')}${targets.size > 12 ? ` and ${targets.size - 12} more` : ''}`,
      `      e.g. #${operation.index} as ${failure.caller}: ${operation.method} /graphql${operation.search.slice(0, 200)} [${operation.contentType}] ${excerpt(operation.body ?? '', 700)}`,
      `      → ${response.failure ?? response.status} ${excerpt(response.text, 400)}`,
    );
  }
  for (const slow of [...report.probeFailures].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    lines.push(`  ✗ probe took ${slow.ms} ms while in flight: ${slow.during.join('; ') || 'nothing'}`);
  }
  return lines.join('\n');
}

/** What a failure is, for grouping: an internal error by its message and field, a stall by its class. */
function kindOf(problem: string, failure: Failure): string {
  if (problem === 'INTERNAL_SERVER_ERROR') {
    try {
      const body = JSON.parse(failure.response.text) as {
        errors?: { message?: string; path?: unknown[]; extensions?: { code?: string } }[];
      };
      const internal = (body.errors ?? []).find(
        (error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR',
      );
      const where = internal?.path?.[0] ? ` in ${failure.operation.target}` : '';
      return `INTERNAL_SERVER_ERROR "${excerpt(internal?.message ?? '', 120)}"${where}`;
    } catch {
      return problem;
    }
  }
  const general = problem.replace(/\d+ ms/, 'N ms');
  return general.startsWith('no answer') || general.startsWith('connection')
    ? `${general} (${classOf(failure.operation)})`
    : `${general} (${failure.operation.family})`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max)}… (${text.length} chars)`;
}
