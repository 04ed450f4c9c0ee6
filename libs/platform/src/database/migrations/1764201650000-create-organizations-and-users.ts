import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations (a tree with an ltree path), their successions, users, refresh-token
 * families and login attempts, with the indexes their lists, searches and throttles use.
 */
export class CreateOrganizationsAndUsers1764201650000 implements MigrationInterface {
  name = 'CreateOrganizationsAndUsers1764201650000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Folding for search: no diacritics, lower case. IMMUTABLE so it can back indexes and
    // generated columns (array_to_string is only STABLE in general, but not for text[]).
    await queryRunner.query(`
      CREATE FUNCTION search_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(immutable_unaccent($1)) $$`);
    await queryRunner.query(`
      CREATE FUNCTION search_fold_all(text, text, text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT search_fold(coalesce($1, '') || ' ' || coalesce($2, '') || ' ' || array_to_string(coalesce($3, '{}'), ' ')) $$`);

    await queryRunner.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text,
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        short_name text,
        kind text NOT NULL CHECK (kind IN ('PARTY_COMMITTEE','PARTY_COMMISSION','OFFICE','FATHERLAND_FRONT',
          'SOCIO_POLITICAL','PEOPLES_COMMITTEE','PEOPLES_COUNCIL','DEPARTMENT','ARMED_FORCE','EXTERNAL')),
        level text NOT NULL CHECK (level IN ('CENTRAL','PROVINCE','DISTRICT','COMMUNE')),
        parent_id uuid REFERENCES organizations(id),
        path ltree NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        search_text text GENERATED ALWAYS AS (search_fold_all(name, short_name, aliases)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX organizations_key ON organizations (key) WHERE key IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX organizations_path ON organizations USING gist (path)');
    await queryRunner.query('CREATE INDEX organizations_parent ON organizations (parent_id)');
    await queryRunner.query(
      'CREATE INDEX organizations_search ON organizations USING gin (search_text gin_trgm_ops)',
    );
    await queryRunner.query('CREATE INDEX organizations_name ON organizations (name, id)');

    await queryRunner.query(`
      CREATE TABLE organization_successions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        predecessor_id uuid NOT NULL REFERENCES organizations(id),
        successor_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('MERGER','SPLIT')),
        effective_date date NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (predecessor_id <> successor_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX organization_successions_predecessor ON organization_successions (predecessor_id)',
    );
    await queryRunner.query(
      'CREATE INDEX organization_successions_successor ON organization_successions (successor_id)',
    );

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
        name text NOT NULL,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0
          AND roles <@ ARRAY['ADMIN','SUPERVISOR','ORG_OFFICER','INSPECTOR','VIEWER']),
        locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi','en')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        search_text text GENERATED ALWAYS AS (search_fold_all(name, email, '{}')) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX users_email ON users (email)');
    await queryRunner.query('CREATE INDEX users_organization ON users (organization_id)');
    await queryRunner.query('CREATE INDEX users_search ON users USING gin (search_text gin_trgm_ops)');

    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash)');
    await queryRunner.query('CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)');

    await queryRunner.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX login_attempts_email ON login_attempts (email, attempted_at) WHERE NOT succeeded',
    );
    await queryRunner.query(
      'CREATE INDEX login_attempts_address ON login_attempts (address, attempted_at) WHERE NOT succeeded',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_attempts');
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE users');
    await queryRunner.query('DROP TABLE organization_successions');
    await queryRunner.query('DROP TABLE organizations');
    await queryRunner.query('DROP FUNCTION search_fold_all(text, text, text[])');
    await queryRunner.query('DROP FUNCTION search_fold(text)');
  }
}
