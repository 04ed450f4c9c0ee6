import type { AccessScope } from '@dondoc/organizations';

import { confidentialPlaceholder, readsDocumentContent } from './confidential-redaction.js';

const KON_TUM: AccessScope = { kind: 'subtrees', paths: ['kt'] };
const GIA_LAI: AccessScope = { kind: 'subtrees', paths: ['gl'] };
const secret = { confidential: true, ownerPath: 'kt.tu_vp' };
const reader = (roles: string[], scope: AccessScope = KON_TUM) => ({
  scope,
  organizationId: '00000000-0000-0000-0000-000000000001',
  roles,
});

describe('who reads the content of a confidential directive', () => {
  it("is its owner's supervisors and administrators", () => {
    expect(readsDocumentContent(reader(['SUPERVISOR']), secret)).toBe(true);
    expect(readsDocumentContent(reader(['ADMIN'], GIA_LAI), secret)).toBe(true);
  });

  it("is not another province's supervisor, nor an inspector, viewer or officer of its own", () => {
    expect(readsDocumentContent(reader(['SUPERVISOR'], GIA_LAI), secret)).toBe(false);
    for (const role of ['INSPECTOR', 'VIEWER', 'ORG_OFFICER']) {
      expect(readsDocumentContent(reader([role]), secret)).toBe(false);
    }
  });

  it('is everyone in scope for a document that is not confidential', () => {
    expect(readsDocumentContent(reader(['VIEWER']), { ...secret, confidential: false })).toBe(true);
  });

  it('reads the placeholder in Vietnamese by default, in English when asked', () => {
    expect(confidentialPlaceholder('999-KL/TU', 'vi')).toBe('Nhiệm vụ theo văn bản mật số 999-KL/TU');
    expect(confidentialPlaceholder('999-KL/TU', null, 'document')).toBe('Văn bản mật số 999-KL/TU');
    expect(confidentialPlaceholder('999-KL/TU', 'en')).toBe('Task of confidential document no. 999-KL/TU');
  });
});
