import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confidential directives (văn bản mật): a flag on the document. Who may read the content
 * of a confidential document and of its tasks is decided in libs/directives
 * (`confidential-redaction.ts`); everyone else reads a placeholder with counts and dates.
 */
export class AddDocumentConfidential1764202540000 implements MigrationInterface {
  name = 'AddDocumentConfidential1764202540000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE documents ADD COLUMN confidential boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE documents DROP COLUMN confidential');
  }
}
