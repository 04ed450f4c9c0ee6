import { createHash, createHmac } from 'node:crypto';

import {
  AuditChainVersion,
  type AuditHashInput,
  GENESIS_HASH,
  auditEventHash,
  canonicalJson,
} from './audit-hash.js';
import { AuditKey } from './audit-key.js';

const KEY = new AuditKey('a-key-for-the-audit-chain-in-unit-tests');

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
  subjectPaths: ['0b7e3c1a5a9d4f2e8c417b2d9e6f1a33', '11aa.22bb'],
  chainVersion: AuditChainVersion.KEYED,
};
const plainEvent: AuditHashInput = { ...event, subjectPaths: null, chainVersion: AuditChainVersion.PLAIN };

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
  it('is, for a keyed event, the hex HMAC-SHA-256 with the key', () => {
    expect(auditEventHash(event, KEY)).toMatch(/^[0-9a-f]{64}$/);
    const { occurredAt, ...rest } = event;
    const expected = createHmac('sha256', 'a-key-for-the-audit-chain-in-unit-tests')
      .update(canonicalJson({ ...rest, occurredAt: occurredAt.toISOString() } as never))
      .digest('hex');
    expect(auditEventHash(event, KEY)).toBe(expected);
  });

  it('cannot be recomputed without the key, nor with another', () => {
    expect(() => auditEventHash(event, null)).toThrow(/AUDIT_KEY/);
    expect(auditEventHash(event, new AuditKey('another-key-for-the-audit-chain-000000'))).not.toBe(
      auditEventHash(event, KEY),
    );
  });

  it('is, for an event of version 1, the plain SHA-256 it always was, without the subject', () => {
    const { occurredAt, subjectPaths: _subjects, chainVersion: _version, ...rest } = plainEvent;
    const expected = createHash('sha256')
      .update(canonicalJson({ ...rest, occurredAt: occurredAt.toISOString() } as never))
      .digest('hex');
    expect(auditEventHash(plainEvent, null)).toBe(expected);
    expect(auditEventHash(plainEvent, KEY)).toBe(expected);
  });

  it('refuses a version it does not know', () => {
    expect(() => auditEventHash({ ...event, chainVersion: 3 }, KEY)).toThrow(/Unknown audit chain version 3/);
  });

  it('does not depend on the key order of before and after', () => {
    const reordered = {
      ...event,
      after: { note: 'Đã hoàn thành đợt 1', percentComplete: 60, status: 'IN_PROGRESS' },
    };
    expect(auditEventHash(reordered, KEY)).toBe(auditEventHash(event, KEY));
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
    subjectPaths: ['0b7e3c1a5a9d4f2e8c417b2d9e6f1a33'],
    chainVersion: AuditChainVersion.PLAIN,
  };

  it.each(Object.keys(changes) as (keyof AuditHashInput)[])('changes when %s changes', (field) => {
    expect(auditEventHash({ ...event, [field]: changes[field] }, KEY)).not.toBe(auditEventHash(event, KEY));
  });

  it('tells a missing value from an empty string, and no subject from none listed', () => {
    expect(auditEventHash({ ...event, requestId: '' }, KEY)).not.toBe(
      auditEventHash({ ...event, requestId: null }, KEY),
    );
    expect(auditEventHash({ ...event, subjectPaths: [] }, KEY)).not.toBe(
      auditEventHash({ ...event, subjectPaths: null }, KEY),
    );
  });
});

describe('AuditKey', () => {
  it('refuses a key shorter than 32 characters, and never prints itself', () => {
    expect(() => new AuditKey('short')).toThrow(/at least 32 characters/);
    expect(JSON.stringify({ KEY })).not.toContain('a-key-for');
  });
});
