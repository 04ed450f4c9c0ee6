// How the benchmark measures: the same statistics for HTTP (autocannon) and for the
// in-process floor (a pg pool), so the two figures of a line can be divided.
import autocannon from 'autocannon';

/** p50 / p95 (ms) of a list of latencies, and the request rate over the run. */
export function statistics(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) =>
    sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    requests: sorted.length,
    p50_ms: round(at(0.5)),
    p95_ms: round(at(0.95)),
    rps: round(sorted.length / seconds),
  };
}

export function round(x, digits = 2) {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}

/**
 * Drives `url` with autocannon at `connections` for `seconds` (after a warm-up of a second),
 * recording every response time so p95 is exact (autocannon's own summary has p97.5, not p95).
 * `body` may be a function: then each request gets a fresh body (writes that cannot repeat).
 * Any non-2xx answer or GraphQL error is counted and reported: a fast error is not a result.
 * Requests still in flight when the window closes are not counted (autocannon drops them):
 * for a request slower than the window, `requests` is 0 and there is no figure.
 */
export async function measureHttp({ url, headers, body, connections = 8, seconds = 10, warmup = 1 }) {
  const run = async (duration, record) => {
    const latencies = [];
    let errors = 0;
    let firstError = null;
    const instance = autocannon({
      url,
      method: 'POST',
      connections,
      duration,
      headers: { 'content-type': 'application/json', ...headers },
      requests: [
        {
          ...(typeof body === 'function'
            ? { setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }) }
            : { body: JSON.stringify(body) }),
          // A GraphQL error comes back as HTTP 200: look for it in the body.
          onResponse: (_status, text) => {
            if (text.includes('"errors"')) {
              errors++;
              firstError ??= text.slice(0, 300);
            }
          },
        },
      ],
    });
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode >= 300) {
        errors++;
        firstError ??= `HTTP ${statusCode}`;
      }
      latencies.push(responseTime);
    });
    instance.on('reqError', (error) => {
      errors++;
      firstError ??= error.message;
    });
    const result = await instance;
    errors += result.errors + result.timeouts;
    return { ...statistics(latencies, duration), errors, firstError, record };
  };
  if (warmup > 0) await run(warmup, false);
  return run(seconds, true);
}

/**
 * The floor: `query` run by `connections` concurrent loops for `seconds`, timed like HTTP
 * responses. A loop starts no job after the window but waits for the one in flight, so the
 * rate is over the time really taken (a statement of 15 s in a 5 s window is not 3 a second).
 */
export async function measureLoop({ job, connections = 8, seconds = 10, warmup = 1 }) {
  const run = async (duration) => {
    const latencies = [];
    const started = performance.now();
    const end = started + duration * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          const started = performance.now();
          await job();
          latencies.push(performance.now() - started);
        }
      }),
    );
    return statistics(latencies, Math.max(duration, (performance.now() - started) / 1000));
  };
  if (warmup > 0) await run(warmup);
  return run(seconds);
}

/** Each call of `job` timed once after another, `runs` times (for single heavy operations). */
export async function measureSerial(job, runs) {
  const latencies = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await job(i);
    latencies.push(performance.now() - t);
  }
  return statistics(latencies, (performance.now() - started) / 1000);
}
