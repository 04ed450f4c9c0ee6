import { type AccessScope, isUuid, scopeCondition } from '@dondoc/organizations';
import { DomainErrorCode, DomainException, notFound } from '@dondoc/platform';
import type { EntityManager } from 'typeorm';

import { DirectiveDocument } from './document.entity.js';
import { documentScopeCondition } from './document-scope.js';

/**
 * Who may change a document: the body that owns it, or one above it (a supervisor's or an
 * administrator's jurisdiction). Seeing a document is wider (an assignee's body sees the
 * document it works on, see `documentScopeCondition`); changing it, its tasks and plan,
 * publishing it and assigning its tasks is not. One rule, used by every writer.
 */
export function documentOwnerScopeCondition(alias: string, scope: AccessScope) {
  if (scope.kind === 'all') return { sql: 'TRUE', parameters: {} };
  return scopeCondition(`${alias}.owner_path`, scope, 'documentOwnerPaths');
}

/**
 * The document `documentId`, locked for update, when the caller may change it. A document
 * the caller may see but not change is FORBIDDEN (saying whose it is); one out of sight is
 * NOT_FOUND, as everywhere.
 */
export async function lockOwnedDocument(
  manager: EntityManager,
  scope: AccessScope,
  documentId: string,
): Promise<DirectiveDocument> {
  if (!isUuid(documentId)) throw notFound({ en: 'Document', vi: 'văn bản' }, documentId);
  const owned = documentOwnerScopeCondition('d', scope);
  const document = await manager
    .getRepository(DirectiveDocument)
    .createQueryBuilder('d')
    .setLock('pessimistic_write', undefined, ['d'])
    .where('d.id = :id', { id: documentId })
    .andWhere(owned.sql, owned.parameters)
    .getOne();
  if (document) return document;
  const visible = documentScopeCondition('d', scope);
  const seen = await manager
    .getRepository(DirectiveDocument)
    .createQueryBuilder('d')
    .where('d.id = :id', { id: documentId })
    .andWhere(visible.sql, visible.parameters)
    .getOne();
  if (!seen) throw notFound({ en: 'Document', vi: 'văn bản' }, documentId);
  throw notYoursToChange(seen);
}

function notYoursToChange(document: DirectiveDocument): DomainException {
  const name = document.number ?? document.id;
  return new DomainException(
    DomainErrorCode.FORBIDDEN,
    {
      en: `Document ${name} belongs to another body: only its owner, or a body above it, may change it, publish it or assign its tasks`,
      vi: `Văn bản ${name} thuộc cơ quan khác: chỉ cơ quan ban hành (hoặc cấp trên) mới được sửa, ban hành hay giao nhiệm vụ của văn bản này`,
    },
    { documentId: document.id },
  );
}
