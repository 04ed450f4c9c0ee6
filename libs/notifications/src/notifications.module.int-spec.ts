import { randomUUID } from 'node:crypto';

import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { AppConfigModule, ClockModule, buildDataSourceOptions, loadConfig } from '@dondoc/platform';

import { Mailer } from './mailer.js';
import { NotificationKind } from './notification-kind.js';
import { NotificationsModule } from './notifications.module.js';
import { NotificationsService } from './notifications.service.js';

describe('NotificationsModule', () => {
  let database: TestDatabase;
  let app: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = buildDataSourceOptions({ url: database.url });
    app = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(
          loadConfig({ NODE_ENV: 'test', AUDIT_KEY: TEST_AUDIT_KEY, APP_URL: 'https://dondoc.example.vn' }),
        ),
        ClockModule.forRoot(),
        TypeOrmModule.forRoot({ ...options, autoLoadEntities: true }),
        NotificationsModule,
      ],
    }).compile();
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('gives a worker what it needs to notify someone and read the inbox back', async () => {
    const dataSource = app.get(DataSource);
    const [{ id: organizationId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (name, kind, level, path) VALUES ('Sở Nội vụ', 'DEPARTMENT', 'PROVINCE', 'x')
       RETURNING id`,
    );
    const [{ id: userId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, name, organization_id, roles, password_hash)
       VALUES ('noivu@test.local', 'Cán bộ', $1, '{ORG_OFFICER}', 'x') RETURNING id`,
      [organizationId],
    );
    const notifications = app.get(NotificationsService);
    const [created] = await notifications.notify([
      {
        kind: NotificationKind.ASSIGNMENT_CREATED,
        key: `ASSIGNMENT_CREATED:${randomUUID()}`,
        organizationIds: [organizationId],
        facts: { taskText: 'Rà soát, sắp xếp tổ chức bộ máy.', organizationName: 'Sở Nội vụ' },
      },
    ]);
    expect((await notifications.list(userId, {}, {})).map((n) => n.id)).toEqual([created.id]);
    expect(created.subject).toBe('Giao nhiệm vụ mới: Rà soát, sắp xếp tổ chức bộ máy.');
    expect(app.get(Mailer).from).toBe('Dondoc <no-reply@dondoc.local>');
  });
});
