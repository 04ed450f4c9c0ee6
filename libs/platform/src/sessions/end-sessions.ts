import type { EntityManager } from 'typeorm';

/**
 * The PostgreSQL channel on which every API process hears that sessions ended, so that it drops
 * the access tokens it has cached for them (see `SessionRevocationListener` in identity).
 */
export const SESSIONS_CHANNEL = 'dondoc_sessions';

/** What a notification on `SESSIONS_CHANNEL` says ended: every session of some users, or one. */
export type SessionsEnded = { userIds: string[] } | { familyId: string };

/** pg_notify payloads stop at 8000 bytes: 100 ids (3.7 kB of JSON) per notification. */
const USERS_PER_NOTIFICATION = 100;

/**
 * Ends every session of these users, in the caller's transaction: their refresh tokens are
 * revoked and their `session_version` moves on, so the access tokens already issued (which carry
 * the version they were issued under) are refused too; every API process is told on commit.
 *
 * Here, not in identity, because ending sessions belongs to every change of who a person is,
 * and one of them (a merger moving people to the successor body) is made by the organizations
 * lib, which identity depends on.
 */
export async function endSessionsOfUsers(
  manager: EntityManager,
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  requireTransaction(manager);
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  // The users' rows first: a sign-in or refresh holds them FOR SHARE while it issues a token,
  // so it either finishes before this (and its token is revoked below) or sees the new version.
  await manager.query('UPDATE users SET session_version = session_version + 1 WHERE id = ANY($1::uuid[])', [
    ids,
  ]);
  await manager.query(
    'UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL',
    [ids, now],
  );
  for (let start = 0; start < ids.length; start += USERS_PER_NOTIFICATION) {
    await notify(manager, { userIds: ids.slice(start, start + USERS_PER_NOTIFICATION) });
  }
}

/** Ends one session (a refresh-token family: logout, a reused token), in the caller's transaction. */
export async function endSessionFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
  requireTransaction(manager);
  await manager.query(
    'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId, now],
  );
  await notify(manager, { familyId });
}

/** The message of a notification, or null when it is not one of ours. */
export function parseSessionsEnded(payload: string | undefined): SessionsEnded | null {
  try {
    const message = JSON.parse(payload ?? '') as Record<string, unknown>;
    if (typeof message.familyId === 'string') return { familyId: message.familyId };
    if (Array.isArray(message.userIds) && message.userIds.every((id) => typeof id === 'string')) {
      return { userIds: message.userIds as string[] };
    }
  } catch {
    // not JSON: not ours
  }
  return null;
}

/** NOTIFY is transactional: it is delivered on commit, and never for a change rolled back. */
function notify(manager: EntityManager, message: SessionsEnded): Promise<unknown> {
  return manager.query('SELECT pg_notify($1, $2)', [SESSIONS_CHANNEL, JSON.stringify(message)]);
}

function requireTransaction(manager: EntityManager): void {
  if (manager.queryRunner?.isTransactionActive !== true) {
    throw new Error('Sessions are ended inside the transaction that makes the change');
  }
}
