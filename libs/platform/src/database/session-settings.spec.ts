import { ConfigException } from '../config/app-config.js';
import { explainConnectFailure } from './session-settings.js';

describe('explainConnectFailure', () => {
  it('names the settings to change when PgBouncer refuses the connection settings', () => {
    const explained = explainConnectFailure(new Error('unsupported startup parameter: options'));
    expect(explained).toBeInstanceOf(ConfigException);
    expect((explained as ConfigException).problems).toEqual([
      expect.stringMatching(
        /^DATABASE_URL leads to PgBouncer.*DATABASE_POOLER=pgbouncer and DATABASE_DIRECT_URL/,
      ),
    ]);
  });

  it('leaves any other failure as it is', () => {
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    expect(explainConnectFailure(refused)).toBe(refused);
  });
});
