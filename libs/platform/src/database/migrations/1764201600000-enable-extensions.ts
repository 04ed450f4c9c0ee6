import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The extensions the product relies on: `unaccent` and `pg_trgm` for searching Vietnamese
 * without diacritics ("dan van" finds "dân vận"), `ltree` for the organization tree.
 * `immutable_unaccent` wraps unaccent so it can be used in expression indexes (unaccent
 * itself is only STABLE because its dictionary could change).
 */
export class EnableExtensions1764201600000 implements MigrationInterface {
  name = 'EnableExtensions1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS ltree');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION IF EXISTS immutable_unaccent(text)');
    await queryRunner.query('DROP EXTENSION IF EXISTS ltree');
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
