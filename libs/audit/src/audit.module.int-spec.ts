import { randomUUID } from 'node:crypto';

import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { AppConfigModule, ClockModule, buildDataSourceOptions, loadConfig } from '@dondoc/platform';

import { AUDIT_SCOPE_ALL, AuditEventsService } from './audit-events.service.js';
import { AuditTrail } from './audit-trail.js';
import { AuditModule } from './audit.module.js';

describe('AuditModule', () => {
  let database: TestDatabase;
  let app: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = buildDataSourceOptions({ url: database.url });
    app = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', AUDIT_KEY: TEST_AUDIT_KEY })),
        ClockModule.forRoot(),
        TypeOrmModule.forRoot({ ...options, autoLoadEntities: true }),
        AuditModule,
      ],
    }).compile();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('gives a service what it needs to record an event and read it back', async () => {
    const trail = app.get(AuditTrail);
    const events = app.get(AuditEventsService);
    const entityId = randomUUID();
    const recorded = await app.get(DataSource).transaction((manager) =>
      trail.record(manager, {
        actorId: null,
        actorOrganizationId: null,
        action: 'organization.seeded',
        entityType: 'organization',
        entityId,
        subjectOrganizationIds: [],
      }),
    );
    const listed = await events.list({ filter: { entityId }, scope: AUDIT_SCOPE_ALL });
    expect(listed.map((event) => event.id)).toEqual([recorded.id]);
  });
});
