import { describe, expect, it } from 'vitest';
import { decodeJwtExpiry } from './jwt';

const base64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const jwtWithPayload = (payload: string) =>
  `${base64Url('{"alg":"HS256","typ":"JWT"}')}.${base64Url(payload)}.c2lnbmF0dXJl`;

describe('decodeJwtExpiry', () => {
  it('reads exp from a well-formed token', () => {
    expect(decodeJwtExpiry(jwtWithPayload('{"sub":"u1","exp":1767225600}'))).toBe(1767225600);
  });

  it('reads a payload with non-ASCII text and URL-safe characters', () => {
    expect(decodeJwtExpiry(jwtWithPayload('{"name":"Hội LHPN tỉnh ~~~ ???","exp":42}'))).toBe(42);
  });

  it.each([
    ['an empty string', ''],
    ['a token with two segments', 'aGVhZGVy.eyJleHAiOjQyfQ'],
    ['a token with four segments', `${jwtWithPayload('{"exp":42}')}.extra`],
    ['an empty payload', 'aGVhZGVy..c2ln'],
    ['a payload that is not base64url', 'aGVhZGVy.not base64!.c2ln'],
    ['a payload that is not JSON', jwtWithPayload('exp=42')],
    ['a payload that is not UTF-8', `aGVhZGVy.${btoa('\xff\xfe{}').replace(/=+$/, '')}.c2ln`],
    ['a payload that is null', jwtWithPayload('null')],
    ['a payload that is an array', jwtWithPayload('[42]')],
    ['a payload without exp', jwtWithPayload('{"sub":"u1"}')],
    ['an exp that is a string', jwtWithPayload('{"exp":"1767225600"}')],
    ['an exp that is null', jwtWithPayload('{"exp":null}')],
  ])('gives null for %s', (_case, token) => {
    expect(decodeJwtExpiry(token)).toBeNull();
  });
});
