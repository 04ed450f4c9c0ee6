import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain's turn in one round trip (libs/audit `AuditTrail`). Appending used to take
 * three statements while every other writer of the trail waited: the chain lock, then the
 * head and a block of ids, then the insert. Each statement also waited for the API's event
 * loop, busy with other requests, so the lock was held for several scheduling delays.
 *
 * `audit_chain_claim(n)` takes the transaction-scoped chain lock, then reads the head and
 * reserves n ids. It is VOLATILE, so in READ COMMITTED its statement after the lock runs
 * under a fresh snapshot and sees the event the previous holder committed — what the
 * separate statements were for. It computes no hash: the links are HMACs with AUDIT_KEY,
 * which the database must not know, so the link is still made in Node and inserted after.
 * Under any other isolation it reads nothing and returns the isolation for the caller to
 * refuse (a REPEATABLE READ snapshot would predate the lock and fork the chain).
 */
export class AddAuditChainClaim1764202700000 implements MigrationInterface {
  name = 'AddAuditChainClaim1764202700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_chain_claim(event_count integer, chain_lock bigint)
        RETURNS TABLE (previous_hash text, last_id text, isolation text)
        LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          PERFORM pg_advisory_xact_lock(chain_lock);
          isolation := current_setting('transaction_isolation');
          IF isolation = 'read committed' THEN
            previous_hash := (SELECT e.hash FROM audit_events e ORDER BY e.id DESC LIMIT 1);
            last_id := setval(pg_get_serial_sequence('audit_events', 'id'),
                              nextval(pg_get_serial_sequence('audit_events', 'id')) + event_count - 1)::text;
          END IF;
          RETURN NEXT;
        END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_chain_claim(integer, bigint)');
  }
}
