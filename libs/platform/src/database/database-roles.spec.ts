import { roleNameProblem, rolesFromUrls } from './database-roles.js';

describe('rolesFromUrls', () => {
  it('reads the owner from the migration login and the application role from the application login', () => {
    expect(
      rolesFromUrls(
        'postgres://dondoc_owner:s%40cret@db:5432/dondoc',
        'postgres://dondoc_app@db:5432/dondoc',
      ),
    ).toEqual({
      database: 'dondoc',
      owner: { name: 'dondoc_owner', password: 's@cret' },
      app: { name: 'dondoc_app', password: null },
    });
  });

  it('names every problem at once: one role for both, two databases, a name that needs quoting', () => {
    expect(() => rolesFromUrls('postgres://same@db/one', 'postgres://same@db/two')).toThrow(
      'MIGRATION_DATABASE_URL and DATABASE_URL must log in as two different roles; MIGRATION_DATABASE_URL and DATABASE_URL must name the same database',
    );
    expect(() => rolesFromUrls('postgres://db/dondoc', 'postgres://App-Role@db/dondoc')).toThrow(
      /^MIGRATION_DATABASE_URL: the role names no user; DATABASE_URL: the role "App-Role" is not a plain role name/,
    );
  });

  it('keeps the server roles out of reach', () => {
    expect(roleNameProblem('postgres')).toBe('"postgres" is reserved');
    expect(roleNameProblem('pg_read_all_data')).toBe('"pg_read_all_data" is reserved');
    expect(roleNameProblem('dondoc_app')).toBeNull();
  });
});
