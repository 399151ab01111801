import { describe, expect, it } from 'vitest';
import { decodeJwtSegment, isJwt } from './jwt.js';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const SIGNATURE = 'pBwwP-Sv_8dmKE2OFcF5-9oPCIAO4PTkdut46EfHCQl';

describe('isJwt', () => {
  // RFC 7519 §3.1 example (HS256): header {"typ":"JWT",\r\n "alg":"HS256"}.
  const rfc7519 =
    'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
    '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
    '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

  it('accepts the RFC 7519 example token', () => {
    expect(isJwt(rfc7519)).toBe(true);
  });

  it.each([
    ['RS256 with kid', `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url({ sub: 'u-1', iat: 1716239022 })}.${SIGNATURE}`],
    ['unicode claims', `${b64url({ alg: 'ES256' })}.${b64url({ name: 'Zoë Ångström' })}.${SIGNATURE}`],
  ])('accepts %s', (_name, token) => {
    expect(isJwt(token)).toBe(true);
  });

  it.each([
    ['a header without alg', `${b64url({ typ: 'JWT' })}.${b64url({ sub: 'x' })}.${SIGNATURE}`],
    ['a non-string alg', `${b64url({ alg: 256 })}.${b64url({ sub: 'x' })}.${SIGNATURE}`],
    ['an array payload', `${b64url({ alg: 'HS256' })}.${b64url([1, 2, 3])}.${SIGNATURE}`],
    ['a string payload', `${b64url({ alg: 'HS256' })}.${b64url('hello')}.${SIGNATURE}`],
    ['a payload that is not JSON', `${b64url({ alg: 'HS256' })}.eyJub3QganNvbg.${SIGNATURE}`],
    ['two segments', `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'x' })}`],
    ['four segments', `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'x' })}.${SIGNATURE}.${SIGNATURE}`],
    ['a signature of impossible length', `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'x' })}.abcde`],
    ['padding characters', `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'x' })}.${SIGNATURE}=`],
  ])('rejects %s', (_name, token) => {
    expect(isJwt(token)).toBe(false);
  });
});

describe('decodeJwtSegment', () => {
  it('decodes a base64url JSON object', () => {
    expect(decodeJwtSegment('eyJhbGciOiJIUzI1NiJ9')).toEqual({ alg: 'HS256' });
  });

  it.each(['', 'e', 'eyJhbGciOiJIUzI1NiJ9==', 'eyJ+bGciOiJIUzI1NiJ9', 'bnVsbA'])('rejects %j', (segment) => {
    expect(decodeJwtSegment(segment)).toBeUndefined();
  });
});
