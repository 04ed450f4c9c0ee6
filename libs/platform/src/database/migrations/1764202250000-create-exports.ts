import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports (the consolidated report .docx, the tracking table .xlsx, CSV): asked for over
 * GraphQL, made by the worker, kept in `content` and downloaded by the person who asked.
 * The caller's scope and the moment of the request are kept with the row, so the worker
 * reads exactly what the caller could read, as of when they asked, whichever process or
 * clock makes the file.
 */
export class CreateExports1764202250000 implements MigrationInterface {
  name = 'CreateExports1764202250000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES users(id),
        requester_organization_id uuid NOT NULL REFERENCES organizations(id),
        scope jsonb NOT NULL,
        document_id uuid REFERENCES documents(id),
        organization_id uuid REFERENCES organizations(id),
        format text NOT NULL CHECK (format IN ('DOCX','XLSX','CSV')),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','RUNNING','DONE','FAILED')),
        as_of timestamptz NOT NULL,
        file_name text,
        content bytea,
        error text,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        version int NOT NULL DEFAULT 1,
        CHECK (status <> 'DONE' OR content IS NOT NULL)
      )`);
    await queryRunner.query('CREATE INDEX exports_requested_by ON exports (requested_by, created_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE exports');
  }
}
