import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';

import { type AuditActor, AuditTrail } from '@dondoc/audit';
import {
  type AccessScope,
  containsPattern,
  isUuid,
  OrganizationsService,
  scopeCondition,
} from '@dondoc/organizations';
import {
  badInput,
  Clock,
  DomainErrorCode,
  DomainException,
  endSessionsOfUsers,
  type ListParams,
  notFound,
  page,
  resolveListParams,
} from '@dondoc/platform';

import { hashPassword } from './password-hasher.js';
import { ALL_ROLES, Role } from './role.js';
import { SessionCache } from './session-cache.js';
import { type Locale, User } from './user.entity.js';

export interface UserFilter {
  ids?: string[] | null;
  q?: string | null;
  organizationId?: string | null;
  role?: Role | null;
  active?: boolean | null;
}

export interface CreateUserInput {
  email: string;
  name: string;
  organizationId: string;
  roles: Role[];
  password: string;
  locale?: Locale;
}

export interface UpdateUserInput {
  name?: string;
  organizationId?: string;
  roles?: Role[];
  locale?: Locale;
  active?: boolean;
  password?: string;
}

const SORTABLE: Record<string, string> = {
  id: 'u.id',
  email: 'u.email',
  name: 'u.name',
  createdAt: 'u.created_at',
};

const USER = { en: 'User', vi: 'người dùng' };
export const MIN_PASSWORD_LENGTH = 10;

/** Users, always read through the caller's scope: the organization they belong to must be visible. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly sessions: SessionCache,
  ) {}

  list(scope: AccessScope, filter: UserFilter, params: ListParams): Promise<User[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'name', sortOrder: 'ASC' });
    return page(this.filtered(scope, filter), list, 'u.id');
  }

  count(scope: AccessScope, filter: UserFilter): Promise<number> {
    return this.filtered(scope, filter).getCount();
  }

  async get(scope: AccessScope, id: string): Promise<User> {
    const user = await this.filtered(scope, { ids: [id] }).getOne();
    if (!user) throw notFound(USER, id);
    return user;
  }

  async create(scope: AccessScope, input: CreateUserInput, actor: AuditActor): Promise<User> {
    const email = checkEmail(input.email);
    await this.organizations.get(scope, input.organizationId);
    if (await this.users.exists({ where: { email } })) {
      throw new DomainException(
        DomainErrorCode.CONFLICT,
        { en: `A user with the e-mail ${email} already exists`, vi: `Đã có người dùng với e-mail ${email}` },
        { field: 'email' },
      );
    }
    const passwordHash = await hashPassword(checkPassword(input.password));
    const id = await this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const saved = await users.save(
        users.create({
          email,
          name: checkName(input.name),
          organizationId: input.organizationId,
          roles: checkRoles(input.roles),
          locale: input.locale ?? 'vi',
          passwordHash,
          active: true,
        }),
      );
      await this.audit.record(manager, {
        ...actor,
        action: 'user.created',
        entityType: 'user',
        entityId: saved.id,
        after: auditView(saved),
        subjectOrganizationIds: [saved.organizationId],
      });
      return saved.id;
    });
    return this.get(scope, id);
  }

  async update(scope: AccessScope, id: string, input: UpdateUserInput, actor: AuditActor): Promise<User> {
    const user = await this.get(scope, id);
    const before = auditView(user);
    const previousOrganizationId = user.organizationId;
    if (input.name !== undefined) user.name = checkName(input.name);
    if (input.organizationId !== undefined) {
      await this.organizations.get(scope, input.organizationId);
      user.organizationId = input.organizationId;
    }
    if (input.roles !== undefined) user.roles = checkRoles(input.roles);
    if (input.locale !== undefined) user.locale = input.locale;
    if (input.active !== undefined) user.active = input.active;
    const changes: Partial<User> = {
      name: user.name,
      organizationId: user.organizationId,
      roles: user.roles,
      locale: user.locale,
      active: user.active,
    };
    if (input.password !== undefined)
      changes.passwordHash = await hashPassword(checkPassword(input.password));
    const endsSessions = sessionsEndWith(before, auditView(user), input.password !== undefined);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id }, changes);
      if (endsSessions) await endSessionsOfUsers(manager, [id], this.clock.now());
      await this.audit.record(manager, {
        ...actor,
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before,
        // The password itself never enters the trail; that it changed does.
        after: {
          ...auditView(user),
          passwordChanged: input.password !== undefined,
          sessionsEnded: endsSessions,
        },
        // A move is about both bodies: the one the person left sees it too.
        subjectOrganizationIds: [previousOrganizationId, user.organizationId],
      });
    });
    // Other processes hear of it on commit; this one forgets the tokens at once.
    if (endsSessions) this.sessions.ended({ userIds: [id] });
    return this.get(scope, id);
  }

  private filtered(scope: AccessScope, filter: UserFilter): SelectQueryBuilder<User> {
    const condition = scopeCondition('o.path', scope);
    const query = this.users
      .createQueryBuilder('u')
      .innerJoin('organizations', 'o', 'o.id = u.organization_id')
      .where(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('u.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.q?.trim())
      query.andWhere("u.search_text LIKE :q ESCAPE '\\'", { q: containsPattern(filter.q) });
    if (filter.organizationId) {
      query.andWhere('u.organization_id = :organizationId', {
        organizationId: isUuid(filter.organizationId) ? filter.organizationId : null,
      });
    }
    if (filter.role) query.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.active !== undefined && filter.active !== null)
      query.andWhere('u.active = :active', { active: filter.active });
    return query;
  }
}

/**
 * Whether a change ends the person's sessions: a new password (whoever set it), deactivation,
 * other roles or another body — what a signed-in token claims, or the reason it was given.
 */
export function sessionsEndWith(
  before: ReturnType<typeof auditView>,
  after: ReturnType<typeof auditView>,
  passwordChanged: boolean,
): boolean {
  const sameRoles =
    before.roles.length === after.roles.length && before.roles.every((role) => after.roles.includes(role));
  return (
    passwordChanged ||
    (before.active && !after.active) ||
    !sameRoles ||
    before.organizationId !== after.organizationId
  );
}

/** What the audit trail keeps of a user: never the password hash. */
export function auditView(user: User) {
  return {
    email: user.email,
    name: user.name,
    organizationId: user.organizationId,
    roles: user.roles,
    locale: user.locale,
    active: user.active,
  };
}

function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
    throw badInput('email', { en: 'The e-mail address is not valid', vi: 'Địa chỉ e-mail không hợp lệ' });
  }
  return normalized;
}

function checkName(name: string): string {
  if (name.trim() === '') throw badInput('name', { en: 'A name is required', vi: 'Cần nhập họ tên' });
  return name.trim();
}

function checkRoles(roles: Role[]): Role[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0 || unique.some((role) => !ALL_ROLES.includes(role))) {
    throw badInput('roles', {
      en: 'Give at least one valid role',
      vi: 'Cần chọn ít nhất một vai trò hợp lệ',
    });
  }
  return unique;
}

function checkPassword(password: string): string {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badInput('password', {
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      vi: `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`,
    });
  }
  return password;
}
