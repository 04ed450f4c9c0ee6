import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (libs/audit): append-only and hash-chained. No foreign keys, so the
 * trail outlives what it describes. A trigger refuses UPDATE and DELETE row by row
 * (naming the event) and TRUNCATE per statement, so not even the application's own
 * connection can rewrite history; a table owner who disables the trigger can, and
 * `cli audit verify` then names the first broken link.
 *
 * The indexes serve the audit list: by record (`allAuditEvents(filter: { entityType,
 * entityId })`), by actor, and by time. `id` is the order of the chain.
 */
export class CreateAuditEvents1764201700000 implements MigrationInterface {
  name = 'CreateAuditEvents1764201700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_organization_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        previous_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT audit_events_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query(
      'CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id)',
    );
    await queryRunner.query('CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id)');
    await queryRunner.query('CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at)');
    // Scoped lists (a supervisor's jurisdiction) filter by the actor's organization.
    await queryRunner.query(
      'CREATE INDEX audit_events_actor_organization_idx ON audit_events (actor_organization_id, id)',
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          IF TG_LEVEL = 'ROW' THEN
            RAISE EXCEPTION 'audit_events is append-only: % of event #% refused', TG_OP, OLD.id
              USING HINT = 'Record a new event instead of changing or removing an old one.';
          END IF;
          RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
            USING HINT = 'Record a new event instead of changing or removing an old one.';
        END
        $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only
        BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`);
    // TRUNCATE fires no row triggers: it needs a statement trigger of its own.
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate
        BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers; the function goes after them.
    await queryRunner.query('DROP TABLE IF EXISTS audit_events');
    await queryRunner.query('DROP FUNCTION IF EXISTS audit_events_refuse_change()');
  }
}
