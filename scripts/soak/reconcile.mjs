// The end of a soak: every write the API answered as accepted is looked up in the database
// with the traces it must have left, and the database is checked for half-written changes
// whoever made them (a crash between two statements of one change would leave one).

/**
 * `ledger`: accepted writes, each `{ kind, row: [table, id], audit: [[entityType, entityId,
 * actions, version?]…], outbox: [[topic, subject]…] }`. A write is *missing* when its row or
 * its own audit event is absent; *half-written* when those are there and a further trace is
 * not. Counted per key: n accepted writes on one key need n traces on it.
 */
export async function reconcile(pool, ledger) {
  const rows = new Map();
  const audits = new Map();
  const outbox = new Map();
  const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const write of ledger) {
    bump(rows, JSON.stringify(write.row));
    write.audit.forEach(([type, id, actions, version], i) =>
      bump(audits, JSON.stringify([type, id, actions, version ?? null, i === 0])),
    );
    for (const trace of write.outbox) bump(outbox, JSON.stringify(trace));
  }

  let missing = 0;
  let halfWritten = 0;
  const examples = [];
  const note = (what, key, expected, found) => {
    if (examples.length < 10) examples.push({ what, key: JSON.parse(key), expected, found });
  };

  const byTable = new Map();
  for (const key of rows.keys()) {
    const [table, id] = JSON.parse(key);
    if (!byTable.has(table)) byTable.set(table, []);
    byTable.get(table).push(id);
  }
  for (const [table, ids] of byTable) {
    if (!['progress_reports', 'extension_requests', 'assignments'].includes(table))
      throw new Error(`no table ${table}`);
    const found = new Set(
      (await pool.query(`SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).rows.map(
        (r) => r.id,
      ),
    );
    for (const id of ids) {
      if (found.has(id)) continue;
      const key = JSON.stringify([table, id]);
      missing += rows.get(key);
      note('row', key, rows.get(key), 0);
    }
  }

  const auditKeys = [...audits.keys()].map((key) => JSON.parse(key));
  const auditCounts = new Map(
    (
      await pool.query(
        `SELECT k.i, count(e.id)::int AS n
           FROM jsonb_to_recordset($1::jsonb) AS k(i int, type text, id text, actions text[], version int)
           LEFT JOIN audit_events e ON e.entity_type = k.type AND e.entity_id = k.id AND e.action = ANY(k.actions)
                AND (k.version IS NULL OR (e.after->>'version')::int = k.version)
          GROUP BY k.i`,
        [
          JSON.stringify(
            auditKeys.map(([type, id, actions, version], i) => ({ i, type, id, actions, version })),
          ),
        ],
      )
    ).rows.map((r) => [r.i, r.n]),
  );
  auditKeys.forEach((key, i) => {
    const text = JSON.stringify(key);
    const expected = audits.get(text);
    const found = auditCounts.get(i) ?? 0;
    if (found >= expected) return;
    if (key[4]) missing += expected - found;
    else halfWritten += expected - found;
    note(key[4] ? 'audit event' : 'further audit event', text, expected, found);
  });

  const outboxKeys = [...outbox.keys()].map((key) => JSON.parse(key));
  const outboxCounts = new Map(
    (
      await pool.query(
        `SELECT k.i, count(o.id)::int AS n
           FROM jsonb_to_recordset($1::jsonb) AS k(i int, topic text, subject text)
           LEFT JOIN outbox o ON o.topic = k.topic AND o.subject = k.subject
          GROUP BY k.i`,
        [JSON.stringify(outboxKeys.map(([topic, subject], i) => ({ i, topic, subject })))],
      )
    ).rows.map((r) => [r.i, r.n]),
  );
  outboxKeys.forEach((key, i) => {
    const text = JSON.stringify(key);
    const expected = outbox.get(text);
    const found = outboxCounts.get(i) ?? 0;
    if (found >= expected) return;
    halfWritten += expected - found;
    note('outbox row', text, expected, found);
  });

  const invariants = await halfWrittenInDatabase(pool);
  return {
    accepted: ledger.length,
    missing,
    halfWritten: halfWritten + invariants.reduce((sum, check) => sum + check.count, 0),
    invariants,
    examples,
  };
}

/**
 * Whoever wrote them: each change and its traces are one transaction, so none may be found
 * without the others. Each check counts the records that break it.
 */
export const HALF_WRITTEN_CHECKS = {
  'progress report without its audit event': `
    SELECT count(*)::int AS n FROM progress_reports r
     WHERE r.status <> 'DRAFT' AND NOT EXISTS (SELECT 1 FROM audit_events e
       WHERE e.entity_type = 'progress_report' AND e.entity_id = r.id::text
         AND e.action IN ('report.submitted', 'report.resubmitted'))`,
  'assignment without its outbox row': `
    SELECT count(*)::int AS n FROM assignments a
     WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.topic = 'assignment.created' AND o.subject = a.id::text)`,
  'assignment without its audit event': `
    SELECT count(*)::int AS n FROM assignments a
     WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'assignment' AND e.entity_id = a.id::text)`,
  'extension request without its audit event': `
    SELECT count(*)::int AS n FROM extension_requests x
     WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'extension_request'
       AND e.entity_id = x.id::text AND e.action = 'extension.requested')`,
  // Each of these audit actions and its outbox topic are written by one call in one
  // transaction: their counts per assignment are equal, or one was written without the other.
  'assignment change without its outbox row (or the reverse)': `
    WITH pairs(action, topic) AS (VALUES
      ('assignment.progress_reported', 'report.submitted'),
      ('assignment.completion_requested', 'completion.requested'),
      ('assignment.completion_accepted', 'completion.decided'),
      ('assignment.completion_refused', 'completion.decided')),
    audited AS (SELECT e.entity_id AS subject, p.topic, count(*) AS n FROM audit_events e
                  JOIN pairs p ON p.action = e.action WHERE e.entity_type = 'assignment' GROUP BY 1, 2),
    queued AS (SELECT o.subject, o.topic, count(*) AS n FROM outbox o
                WHERE o.topic IN (SELECT topic FROM pairs) GROUP BY 1, 2)
    SELECT count(*)::int AS n FROM audited a FULL JOIN queued q USING (subject, topic)
     WHERE coalesce(a.n, 0) <> coalesce(q.n, 0)`,
};

export async function halfWrittenInDatabase(pool) {
  const results = [];
  for (const [name, sql] of Object.entries(HALF_WRITTEN_CHECKS)) {
    const { rows } = await pool.query(sql);
    results.push({ name, count: rows[0].n });
  }
  return results;
}

/** Outbox rows not relayed yet; `waitRelayed` polls until none is left or time runs out. */
export async function waitRelayed(pool, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM outbox WHERE relayed_at IS NULL');
    if (rows[0].n === 0 || Date.now() - started > timeoutMs) {
      return { pending: rows[0].n, waitedMs: Date.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// Topics the worker turns into notifications keyed `<kind>:<outbox id>` (EventNotifier).
const NOTIFIED_TOPICS = [
  'report.submitted',
  'report.reviewed',
  'extension.requested',
  'extension.decided',
  'completion.requested',
  'completion.decided',
];

/**
 * Every outbox row relayed once, seen from its effect: each row of a notified topic after
 * `sinceId` has its notifications, none twice. Polls until all have or time runs out.
 */
export async function waitEventsDelivered(pool, sinceId, timeoutMs) {
  const started = Date.now();
  for (;;) {
    const { rows } = await pool.query(
      `WITH delivered AS (SELECT DISTINCT split_part(key, ':', 2)::bigint AS id FROM notifications
                          WHERE key ~ '^[A-Z_]+:[0-9]+$')
       SELECT count(*) FILTER (WHERE d.id IS NULL)::int AS undelivered, count(*)::int AS rows
         FROM outbox o LEFT JOIN delivered d ON d.id = o.id
        WHERE o.id > $1 AND o.topic = ANY($2::text[])`,
      [sinceId, NOTIFIED_TOPICS],
    );
    const { rows: twice } = await pool.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM notifications GROUP BY recipient_user_id, key HAVING count(*) > 1) d`,
    );
    const result = { rows: rows[0].rows, undelivered: rows[0].undelivered, notifiedTwice: twice[0].n };
    if (result.undelivered === 0 || Date.now() - started > timeoutMs) {
      return { ...result, waitedMs: Date.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function lastOutboxId(pool) {
  return (await pool.query('SELECT coalesce(max(id), 0)::text AS id FROM outbox')).rows[0].id;
}
