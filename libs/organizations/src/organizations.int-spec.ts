import { AuditEvent, AuditKey, AuditTrail, SYSTEM_ACTOR, verifyAuditChain } from '@dondoc/audit';
import { konTum2019Gazetteer } from '@dondoc/ingestion';
import { buildDataSourceOptions, SystemClock } from '@dondoc/platform';
import { createTestDatabase, TEST_AUDIT_KEY, type TestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { ALL_ORGANIZATIONS, type AccessScope } from './access-scope.js';
import { OrganizationKind } from './organization-kind.js';
import { OrganizationSeeder } from './organization-seeder.js';
import { OrganizationSuccession } from './organization-succession.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';

describe('organizations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: OrganizationsService;
  let byKey: Map<string, Organization>;
  let seeder: OrganizationSeeder;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      buildDataSourceOptions({
        url: database.url,
        entities: [Organization, OrganizationSuccession, AuditEvent],
      }),
    ).initialize();
    const audit = new AuditTrail(new SystemClock(), new AuditKey(TEST_AUDIT_KEY));
    service = new OrganizationsService(
      dataSource.getRepository(Organization),
      dataSource,
      audit,
      new SystemClock(),
    );
    seeder = new OrganizationSeeder(dataSource, audit);
    await seeder.seed(konTum2019Gazetteer.entries);
    byKey = new Map(
      (await service.findByKeys(konTum2019Gazetteer.entries.map((e) => e.key))).map((o) => [o.key!, o]),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const subtree = (key: string): AccessScope => ({ kind: 'subtrees', paths: [byKey.get(key)!.path] });

  it('seeds the Kon Tum bodies of 2019, and seeding again changes nothing', async () => {
    expect(await service.count(ALL_ORGANIZATIONS, {})).toBe(konTum2019Gazetteer.entries.length);
    const again = await seeder.seed(konTum2019Gazetteer.entries);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: konTum2019Gazetteer.entries.length });
    const districtCommittees = await service.list(
      ALL_ORGANIZATIONS,
      { kind: OrganizationKind.PARTY_COMMITTEE, q: 'huyen uy' },
      { perPage: 50 },
    );
    expect(districtCommittees.map((o) => o.name)).toHaveLength(9);
    expect(
      (
        await service.list(ALL_ORGANIZATIONS, { q: "ia h'drai", kind: OrganizationKind.PARTY_COMMITTEE }, {})
      ).map((o) => o.name),
    ).toEqual(["Huyện ủy Ia H'Drai"]);
  });

  it('updates a renamed body in place, keeping its id', async () => {
    const entries = konTum2019Gazetteer.entries.map((e) =>
      e.key === 'kt.nd' ? { ...e, aliases: [...e.aliases, 'Nông hội'] } : e,
    );
    expect(await seeder.seed(entries)).toMatchObject({ created: 0, updated: 1 });
    const farmers = await service.get(ALL_ORGANIZATIONS, byKey.get('kt.nd')!.id);
    expect(farmers.aliases).toContain('Nông hội');
  });

  it('finds bodies by name and alias without diacritics or tone-mark placement', async () => {
    const names = async (q: string) =>
      (await service.list(ALL_ORGANIZATIONS, { q }, { perPage: 5 })).map((o) => o.name);
    expect(await names('ban dan van tinh')).toEqual(['Ban Dân vận Tỉnh ủy']);
    expect(await names('UBKT')).toEqual(['Ủy ban Kiểm tra Tỉnh ủy']);
    expect(await names('Tỉnh uỷ Kon Tum')).toContain('Tỉnh ủy Kon Tum'); // "uỷ" and "ủy" are one word
    expect(await names('100%_')).toEqual([]); // LIKE wildcards are literal
  });

  it("limits an officer's view to their body and everything under it", async () => {
    const womensUnion = subtree('kt.pn');
    const visible = await service.list(womensUnion, {}, { perPage: 100 });
    expect(visible).toHaveLength(11); // the province's union and the ten district unions
    expect(visible.every((o) => o.name.startsWith('Hội Liên hiệp Phụ nữ'))).toBe(true);
    await expect(service.get(womensUnion, byKey.get('kt.nd')!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(service.get(womensUnion, 'not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives the subtree of a body as one indexed condition', async () => {
    const ids = await service.subtreeIds(ALL_ORGANIZATIONS, byKey.get('kt.ubnd')!.id);
    expect(ids).toHaveLength(11);
    // On a table this small PostgreSQL prefers a scan; with scans off, the GiST index must serve.
    await dataSource.query('SET enable_seqscan = off');
    const forced = (await dataSource.query(`EXPLAIN SELECT id FROM organizations WHERE path <@ $1::ltree`, [
      byKey.get('kt.ubnd')!.path,
    ])) as { 'QUERY PLAN': string }[];
    await dataSource.query('SET enable_seqscan = on');
    expect(forced.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/organizations_path/);
  });

  it('refuses to sort by a field that is not sortable, naming the ones that are', async () => {
    await expect(service.list(ALL_ORGANIZATIONS, {}, { sortField: 'password' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/Cannot sort by "password": sortable fields are id, name/),
    });
  });

  it('creates a child body under its parent path', async () => {
    const parent = byKey.get('kt.ubnd')!;
    const created = await service.create(
      ALL_ORGANIZATIONS,
      {
        name: 'Sở Nội vụ',
        kind: OrganizationKind.DEPARTMENT,
        level: parent.level,
        parentId: parent.id,
        aliases: [' SNV ', 'SNV', ''],
      },
      { actorId: null, actorOrganizationId: parent.id, requestId: 'req-1' },
    );
    expect(created.path.startsWith(`${parent.path}.`)).toBe(true);
    expect(created.aliases).toEqual(['SNV']);
    expect(await service.subtreeIds(ALL_ORGANIZATIONS, parent.id)).toContain(created.id);
  });

  it('records every change in the audit trail, in the same transaction', async () => {
    const womensUnion = byKey.get('kt.pn')!;
    await service.update(
      ALL_ORGANIZATIONS,
      womensUnion.id,
      { aliases: [...womensUnion.aliases, 'Phụ nữ tỉnh'] },
      SYSTEM_ACTOR,
    );
    const events = (await dataSource.query(
      `SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [womensUnion.id],
    )) as { action: string; before: { aliases: string[] } | null; after: { aliases: string[] } }[];
    expect(events.map((event) => event.action)).toEqual(['organization.seeded', 'organization.updated']);
    expect(events[1]?.after.aliases).toContain('Phụ nữ tỉnh');
    expect(events[1]?.before?.aliases).not.toContain('Phụ nữ tỉnh');
    const report = await verifyAuditChain(dataSource, { key: new AuditKey(TEST_AUDIT_KEY), batchSize: 500 });
    expect(report.firstBroken).toBeNull();
    // The event is about the union itself: its path is the subject.
    const [subject] = (await dataSource.query(
      `SELECT subject_paths::text AS paths FROM audit_events WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [womensUnion.id],
    )) as { paths: string }[];
    expect(subject.paths).toBe(`{${womensUnion.path}}`);
  });

  it('takes a null argument (an explicit GraphQL null) as no change, not as emptying the field', async () => {
    const veterans = byKey.get('kt.ccb')!;
    const nulls = {
      name: null,
      kind: null,
      level: null,
      aliases: null,
      active: null,
    } as unknown as Parameters<OrganizationsService['update']>[2];
    const updated = await service.update(ALL_ORGANIZATIONS, veterans.id, nulls, SYSTEM_ACTOR);
    expect(updated).toMatchObject({
      name: veterans.name,
      kind: veterans.kind,
      level: veterans.level,
      aliases: veterans.aliases,
      active: true,
    });
  });

  it('leaves nothing behind when the audit event cannot be written: the change rolls back', async () => {
    const names = async () =>
      (await service.list(ALL_ORGANIZATIONS, { q: 'So Tai chinh' }, {})).map((o) => o.name);
    const badActor = { actorId: 'not-a-uuid', actorOrganizationId: null, requestId: null };
    await expect(
      service.create(
        ALL_ORGANIZATIONS,
        { name: 'Sở Tài chính', kind: OrganizationKind.DEPARTMENT, level: byKey.get('kt.ubnd')!.level },
        badActor,
      ),
    ).rejects.toThrow(/actorId must be a uuid/);
    expect(await names()).toEqual([]);
  });
});
