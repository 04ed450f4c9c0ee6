import { type AuditHashInput, GENESIS_HASH, auditEventHash, canonicalJson } from './audit-hash.js';

const event: AuditHashInput = {
  occurredAt: new Date('2026-01-15T03:04:05.678Z'),
  actorId: '6f1c2f7e-0a52-4b8e-9a55-1d1f0b7c2e11',
  actorOrganizationId: '0b7e3c1a-5a9d-4f2e-8c41-7b2d9e6f1a33',
  action: 'assignment.report_submitted',
  entityType: 'assignment',
  entityId: 'a1',
  before: { status: 'IN_PROGRESS', percentComplete: 40 },
  after: { status: 'IN_PROGRESS', percentComplete: 60, note: 'Đã hoàn thành đợt 1' },
  requestId: 'req-1',
  previousHash: GENESIS_HASH,
};

describe('canonicalJson', () => {
  it('writes the same text whatever order the keys were given in, at every depth', () => {
    const a = canonicalJson({ b: 1, a: { d: [{ y: 2, x: 1 }], c: null } });
    const b = canonicalJson({ a: { c: null, d: [{ x: 1, y: 2 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":null,"d":[{"x":1,"y":2}]},"b":1}');
  });

  it('keeps the order of arrays, which is content', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('escapes strings as JSON does, Vietnamese included', () => {
    expect(canonicalJson({ 'tên "cơ quan"': 'Ban Dân vận\n' })).toBe(
      '{"tên \\"cơ quan\\"":"Ban Dân vận\\n"}',
    );
  });

  it('refuses a number JSON cannot hold instead of hashing it as null', () => {
    expect(() => canonicalJson({ percent: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('auditEventHash', () => {
  it('is the hex SHA-256 of the event', () => {
    expect(auditEventHash(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of before and after', () => {
    const reordered = {
      ...event,
      after: { note: 'Đã hoàn thành đợt 1', percentComplete: 60, status: 'IN_PROGRESS' },
    };
    expect(auditEventHash(reordered)).toBe(auditEventHash(event));
  });

  const changes: { [K in keyof AuditHashInput]: AuditHashInput[K] } = {
    occurredAt: new Date('2026-01-15T03:04:05.679Z'),
    actorId: null,
    actorOrganizationId: null,
    action: 'assignment.report_returned',
    entityType: 'progress_report',
    entityId: 'a2',
    before: null,
    after: { status: 'IN_PROGRESS', percentComplete: 61, note: 'Đã hoàn thành đợt 1' },
    requestId: null,
    previousHash: 'f'.repeat(64),
  };

  it.each(Object.keys(changes) as (keyof AuditHashInput)[])('changes when %s changes', (field) => {
    expect(auditEventHash({ ...event, [field]: changes[field] })).not.toBe(auditEventHash(event));
  });

  it('tells a missing value from an empty string', () => {
    expect(auditEventHash({ ...event, requestId: '' })).not.toBe(
      auditEventHash({ ...event, requestId: null }),
    );
  });
});
