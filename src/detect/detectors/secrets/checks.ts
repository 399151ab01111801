import type { Validation } from '../../spec.js';

/**
 * Structural checks shared by the secret detectors. A random token body has lower case,
 * upper case and digits almost surely; prose, identifiers and hashes rarely have all three.
 */

export function characterClasses(value: string): { lower: boolean; upper: boolean; digit: boolean; other: boolean } {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else other = true;
  }
  return { lower, upper, digit, other };
}

/** Rejects bodies without lower case, upper case and digits (base62 tokens of 20+ chars). */
export function requireMixedCase(value: string): Validation {
  const c = characterClasses(value);
  return c.lower && c.upper && c.digit ? undefined : 'reject';
}

/** Rejects hex bodies made only of letters or only of digits (words, counters). */
export function requireLettersAndDigits(value: string): Validation {
  const c = characterClasses(value);
  return (c.lower || c.upper) && c.digit ? undefined : 'reject';
}

/** Rejects letter-only bodies that are not mixed case (words rather than tokens). */
export function requireUpperAndLower(value: string): Validation {
  const c = characterClasses(value);
  return c.lower && c.upper ? undefined : 'reject';
}

/** Passwords that tutorials and sample configs use; a URL carrying one is documentation. */
const TRIVIAL_PASSWORDS = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'pw',
  'secret',
  'changeme',
  'mypassword',
  'yourpassword',
  'dbpassword',
  'db_password',
  'db-password',
  'user_password',
  'userpassword',
  'pa55word',
  'test',
  'xxx',
  'abc',
  'foo',
  'bar',
  'foobar',
]);

/** An inline password that is a placeholder, an empty value or a variable reference. */
export function isTrivialPassword(password: string): boolean {
  const p = password.trim();
  if (p.length < 3) return true;
  if (TRIVIAL_PASSWORDS.has(p.toLowerCase())) return true;
  if (/^[*•.#?x-]+$/i.test(p)) return true; // masked: ****, xxxx, ...
  if (/^(?:\$|%|\{|<|\[|:)/.test(p)) return true; // $VAR, %VAR%, {{var}}, <password>, [password], :var
  return false;
}
