// One soak against a running deployment: seed its people, drive the work for `seconds`,
// wait for the outbox to drain, reconcile. The test suite and `npm run soak` both call it.
import { graphqlClient } from './client.mjs';
import { postgresRecoveryMs } from './faults.mjs';
import { lastOutboxId, reconcile, waitEventsDelivered, waitRelayed } from './reconcile.mjs';
import { createRecorder } from './recorder.mjs';
import { seedSoak } from './seed.mjs';
import { runWorkload } from './workload.mjs';

/** Seeds once; the returned `drive` can be run several times (one run per fault). */
export async function prepareSoak({ url, pool, officers, supervisors, tag = process.pid.toString(36) }) {
  const client = graphqlClient(url);
  const started = performance.now();
  const people = await seedSoak({ client, pool, officers, supervisors, tag });
  const seedMs = Math.round(performance.now() - started);
  return {
    client,
    people,
    seedMs,
    /**
     * Drives the work for `seconds`; `during(recorder)` runs alongside (a fault and its
     * measurements) and the load lasts at least until it is done.
     */
    async drive({ seconds, thinkMs = 100, during, relayTimeoutMs = 60_000 }) {
      const recorder = createRecorder();
      const outboxBefore = await lastOutboxId(pool);
      const end = Date.now() + seconds * 1000;
      let faultDone = !during;
      const fault = during
        ? Promise.resolve(during(recorder)).finally(() => {
            faultDone = true;
          })
        : Promise.resolve(null);
      await runWorkload({
        client,
        recorder,
        officers: people.officers,
        supervisors: people.supervisors,
        thinkMs,
        until: () => Date.now() >= end && faultDone,
      });
      const faultResult = await fault;
      if (faultResult?.fault === 'postgres')
        faultResult.recoveredAfterUpMs = postgresRecoveryMs(faultResult, recorder);
      const relay = await waitRelayed(pool, relayTimeoutMs);
      const reconciliation = await reconcile(pool, recorder.ledger);
      const events = await waitEventsDelivered(pool, outboxBefore, relayTimeoutMs);
      return { ...recorder.summary(), relay, events, reconciliation, fault: faultResult };
    },
  };
}

/** Whether a run passed: nothing unexpected, missing or half-written; every event relayed once. */
export function passed(result) {
  return (
    result.unexpected === 0 &&
    result.reconciliation.missing === 0 &&
    result.reconciliation.halfWritten === 0 &&
    result.relay.pending === 0 &&
    result.events.undelivered === 0 &&
    result.events.notifiedTwice === 0
  );
}
