/**
 * Structural check of a JSON Web Token (RFC 7519, JWS compact serialisation): three
 * base64url segments, of which the header and the payload decode to JSON objects and the
 * header names an algorithm. The signature is not verified (no key is known).
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The JSON object a base64url segment encodes, or undefined when it is not one. */
export function decodeJwtSegment(segment: string): Record<string, unknown> | undefined {
  // A base64 length of 1 mod 4 cannot come from whole bytes.
  if (segment.length === 0 || !BASE64URL.test(segment) || segment.length % 4 === 1) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return parsed as Record<string, unknown>;
}

export function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const decodedHeader = decodeJwtSegment(header);
  if (decodedHeader === undefined || typeof decodedHeader.alg !== 'string') return false;
  if (decodeJwtSegment(payload) === undefined) return false;
  return BASE64URL.test(signature) && signature.length % 4 !== 1;
}
