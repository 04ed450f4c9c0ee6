import { csrfTokenFor, csrfTokenMatches, isAllowedOrigin } from './browser-session.js';

const APP_URL = 'https://dondoc.example.gov.vn';
const SECRET = 'test-secret-that-is-long-enough-for-hs256';

describe('isAllowedOrigin', () => {
  it("accepts APP_URL's origin, or the origin the request was sent to", () => {
    expect(isAllowedOrigin({ origin: APP_URL }, APP_URL)).toBe(true);
    expect(isAllowedOrigin({ origin: `${APP_URL}/` }, `${APP_URL}/`)).toBe(true);
    // Behind a proxy that rewrites Host, APP_URL still names the console.
    expect(isAllowedOrigin({ origin: APP_URL, requestedOrigin: 'http://api:3000' }, APP_URL)).toBe(true);
    // The console opened as 127.0.0.1 while APP_URL says localhost.
    expect(
      isAllowedOrigin(
        { origin: 'http://127.0.0.1:3000', requestedOrigin: 'http://127.0.0.1:3000' },
        'http://localhost:3000',
      ),
    ).toBe(true);
  });

  it('refuses another site, another port or scheme, an opaque origin, and a request naming none', () => {
    const sentTo = { requestedOrigin: APP_URL };
    expect(isAllowedOrigin({ ...sentTo, origin: 'https://evil.example' }, APP_URL)).toBe(false);
    expect(
      isAllowedOrigin({ ...sentTo, origin: 'https://dondoc.example.gov.vn.evil.example' }, APP_URL),
    ).toBe(false);
    expect(isAllowedOrigin({ ...sentTo, origin: 'http://dondoc.example.gov.vn' }, APP_URL)).toBe(false);
    expect(isAllowedOrigin({ ...sentTo, origin: 'https://dondoc.example.gov.vn:8443' }, APP_URL)).toBe(false);
    expect(isAllowedOrigin({ ...sentTo, origin: 'null' }, APP_URL)).toBe(false);
    expect(isAllowedOrigin(sentTo, APP_URL)).toBe(false);
  });

  it('reads the Referer only when there is no Origin', () => {
    expect(isAllowedOrigin({ referer: `${APP_URL}/admin/#/` }, APP_URL)).toBe(true);
    expect(isAllowedOrigin({ referer: 'https://evil.example/admin' }, APP_URL)).toBe(false);
    expect(isAllowedOrigin({ origin: 'https://evil.example', referer: `${APP_URL}/admin/` }, APP_URL)).toBe(
      false,
    );
  });
});

describe('csrfTokenMatches', () => {
  const refreshToken = 'refresh-token-of-the-session';
  const token = csrfTokenFor(refreshToken, SECRET);

  it("passes the session's own token, echoed", () => {
    expect(csrfTokenMatches(refreshToken, SECRET, token, token)).toBe(true);
  });

  it('refuses a missing or different header, and a planted cookie echoed faithfully', () => {
    expect(csrfTokenMatches(refreshToken, SECRET, token, undefined)).toBe(false);
    expect(csrfTokenMatches(refreshToken, SECRET, token, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(refreshToken, SECRET, 'planted', 'planted')).toBe(false);
    // Another session's token does not open this one.
    const other = csrfTokenFor('another-refresh-token', SECRET);
    expect(csrfTokenMatches(refreshToken, SECRET, other, other)).toBe(false);
  });
});
