import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'ASSIGNMENT_CREATED','DUE_SOON','OVERDUE','ESCALATED',
  'DUE_REMINDER','REPORT_REQUESTED','REPORT_DUE_REMINDER','REPORT_SUBMITTED','REPORT_REVIEWED',
  'EXTENSION_REQUESTED','EXTENSION_DECIDED','COMPLETION_REQUESTED','COMPLETION_DECIDED',
  'ASSIGNMENT_CANCELLED','INSPECTION_FOLLOW_UP','INSPECTION_RECORDED'`;

/**
 * Organization lineage: the day a merged or split body ceased (`dissolved_on`, set with
 * `active = false`), one succession per pair of bodies (a second identical merge cannot
 * record it twice), and the notification telling a successor that open work was handed to it.
 */
export class AddOrganizationLineage1764202300000 implements MigrationInterface {
  name = 'AddOrganizationLineage1764202300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE organizations ADD COLUMN dissolved_on date');
    await queryRunner.query(
      'ALTER TABLE organizations ADD CONSTRAINT organizations_dissolved_inactive CHECK (dissolved_on IS NULL OR NOT active)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX organization_successions_pair ON organization_successions (predecessor_id, successor_id)',
    );
    await queryRunner.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check');
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
         CHECK (kind IN (${KINDS_BEFORE},'ASSIGNMENT_TRANSFERRED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notifications WHERE kind = 'ASSIGNMENT_TRANSFERRED'`);
    await queryRunner.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check');
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query('DROP INDEX organization_successions_pair');
    await queryRunner.query('ALTER TABLE organizations DROP CONSTRAINT organizations_dissolved_inactive');
    await queryRunner.query('ALTER TABLE organizations DROP COLUMN dissolved_on');
  }
}
