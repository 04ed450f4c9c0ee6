import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents and their tasks, assignments with their progress reports and extension
 * requests, and the outbox — with the indexes their lists, searches and counts use.
 */
export class CreateDocumentsAndAssignments1764201800000 implements MigrationInterface {
  name = 'CreateDocumentsAndAssignments1764201800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED')),
        number text,
        type text,
        issuer text,
        place text,
        date date,
        title text,
        signer jsonb,
        recipients jsonb NOT NULL DEFAULT '[]',
        outline jsonb NOT NULL DEFAULT '{}',
        text text NOT NULL,
        file_name text,
        file_data bytea,
        owner_organization_id uuid NOT NULL REFERENCES organizations(id),
        owner_path ltree NOT NULL,
        report_cutoff_day int NOT NULL DEFAULT 14 CHECK (report_cutoff_day BETWEEN 1 AND 28),
        report_due_day int NOT NULL DEFAULT 20 CHECK (report_due_day BETWEEN 1 AND 28),
        created_by uuid,
        published_at timestamptz,
        version int NOT NULL DEFAULT 1,
        search_text text GENERATED ALWAYS AS (search_fold_all(number, title, ARRAY[issuer])) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX documents_owner_path ON documents USING gist (owner_path)');
    await queryRunner.query('CREATE INDEX documents_status_date ON documents (status, date DESC, id)');
    await queryRunner.query('CREATE INDEX documents_number ON documents (number)');
    await queryRunner.query(
      'CREATE INDEX documents_search ON documents USING gin (search_text gin_trgm_ops)',
    );

    await queryRunner.query(`
      CREATE TABLE document_links (
        citing_document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        cited_document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        reference text NOT NULL,
        PRIMARY KEY (citing_document_id, cited_document_id)
      )`);
    await queryRunner.query('CREATE INDEX document_links_cited ON document_links (cited_document_id)');

    await queryRunner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        number text NOT NULL,
        position int NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        kind text NOT NULL DEFAULT 'JOINT' CHECK (kind IN ('JOINT','SHARED')),
        cadence text NOT NULL DEFAULT 'NONE' CHECK (cadence IN ('NONE','MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY')),
        due_date date,
        span_start int,
        span_end int,
        actions jsonb NOT NULL DEFAULT '[]',
        "references" jsonb NOT NULL DEFAULT '[]',
        search_text text GENERATED ALWAYS AS (search_fold(text)) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX tasks_document ON tasks (document_id, position)');
    await queryRunner.query('CREATE INDEX tasks_parent ON tasks (parent_id)');
    await queryRunner.query('CREATE INDEX tasks_search ON tasks USING gin (search_text gin_trgm_ops)');

    await queryRunner.query(`
      CREATE TABLE task_suggestions (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        role text NOT NULL CHECK (role IN ('LEAD','COORDINATE')),
        reason text NOT NULL,
        PRIMARY KEY (task_id, organization_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE task_assignees (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id),
        role text NOT NULL CHECK (role IN ('LEAD','COORDINATE')),
        due_date date,
        cadence text NOT NULL DEFAULT 'NONE' CHECK (cadence IN ('NONE','MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY')),
        PRIMARY KEY (task_id, organization_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        organization_path ltree NOT NULL,
        assigned_by_organization_id uuid NOT NULL REFERENCES organizations(id),
        parent_assignment_id uuid REFERENCES assignments(id),
        role text NOT NULL CHECK (role IN ('LEAD','COORDINATE')),
        status text NOT NULL DEFAULT 'NOT_STARTED'
          CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED','COMPLETED','CANCELLED')),
        due_date date,
        baseline_due_date date,
        cadence text NOT NULL DEFAULT 'NONE' CHECK (cadence IN ('NONE','MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY')),
        percent_complete int NOT NULL DEFAULT 0 CHECK (percent_complete BETWEEN 0 AND 100),
        weight numeric CHECK (weight IS NULL OR weight > 0),
        completed_on date,
        completion_requested_on date,
        completion_summary text,
        next_report_due date,
        cancel_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX assignments_task_organization ON assignments (task_id, organization_id)',
    );
    await queryRunner.query(
      'CREATE INDEX assignments_organization_path ON assignments USING gist (organization_path)',
    );
    await queryRunner.query(
      'CREATE INDEX assignments_organization ON assignments (organization_id, due_date)',
    );
    await queryRunner.query('CREATE INDEX assignments_document ON assignments (document_id)');
    await queryRunner.query('CREATE INDEX assignments_status_due ON assignments (status, due_date, id)');
    await queryRunner.query('CREATE INDEX assignments_due ON assignments (due_date, id)');
    await queryRunner.query('CREATE INDEX assignments_parent ON assignments (parent_assignment_id)');

    await queryRunner.query(`
      CREATE TABLE progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        period text NOT NULL,
        percent_complete int NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
        results text NOT NULL DEFAULT '',
        difficulties text NOT NULL DEFAULT '',
        proposals text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','ACCEPTED','RETURNED')),
        review_comment text,
        submitted_at timestamptz,
        submitted_by uuid,
        reviewed_at timestamptz,
        reviewed_by uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assignment_id, period)
      )`);
    await queryRunner.query(
      'CREATE INDEX progress_reports_status ON progress_reports (status, submitted_at)',
    );

    await queryRunner.query(`
      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        proposed_due_date date NOT NULL,
        previous_due_date date,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        requested_by uuid,
        decided_by uuid,
        decided_at timestamptz,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX extension_requests_assignment ON extension_requests (assignment_id, created_at)',
    );
    await queryRunner.query(
      "CREATE UNIQUE INDEX extension_requests_one_pending ON extension_requests (assignment_id) WHERE status = 'PENDING'",
    );

    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        topic text NOT NULL,
        subject text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX outbox_pending ON outbox (id) WHERE relayed_at IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'extension_requests',
      'progress_reports',
      'assignments',
      'task_assignees',
      'task_suggestions',
      'tasks',
      'document_links',
      'documents',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
