import { parseSessionsEnded } from './end-sessions.js';

describe('the notifications of ended sessions', () => {
  it('reads the users or the sign-in that ended', () => {
    expect(parseSessionsEnded('{"userIds":["u1","u2"]}')).toEqual({ userIds: ['u1', 'u2'] });
    expect(parseSessionsEnded('{"familyId":"f1"}')).toEqual({ familyId: 'f1' });
  });

  it('refuses anything else: the listener then forgets every token rather than guess', () => {
    for (const payload of [undefined, '', 'not json', '{}', '{"userIds":[1]}', '{"familyId":7}', 'null']) {
      expect({ payload, message: parseSessionsEnded(payload) }).toEqual({ payload, message: null });
    }
  });
});
