/**
 * Pattern pieces shared by this family and the health family. Each match costs a call into
 * RE2 that is linear in the text, so these shapes are written to match only what can be a
 * value, not every number a record holds.
 */

/**
 * A run of upper-case letters and digits, at least `minLength` long, holding at least one
 * digit. RE2 has no lookahead, so the length floor is spelled out by where the first digit
 * sits; every alternative runs on to the end of the run. Short numbers (prices, years, counts)
 * never match.
 */
export function alnumTokenWithDigit(minLength: number): string {
  const alternatives: string[] = [];
  for (let before = 0; before < minLength - 1; before++) {
    const lead = before === 0 ? '' : `[A-Z0-9]{${before}}`;
    alternatives.push(`${lead}\\d[A-Z0-9]{${minLength - 1 - before},}`);
  }
  alternatives.push(`[A-Z0-9]{${minLength - 1},}\\d[A-Z0-9]*`);
  return `(?:${alternatives.join('|')})`;
}

/**
 * `core` as capture group 1, followed by the end of the text or by a character that does not
 * continue the number: not a digit, and not a separator followed by a digit. Phone numbers,
 * card numbers and IBAN groups then never match a shorter grouped shape. The start needs no
 * guard: the engine's boundary check drops a match glued to a digit. Use with `group: 1`.
 */
export function wholeNumber(core: string, separators = ''): string {
  const seps = separators.replace(/[-\]\\^]/g, '\\$&');
  const after = seps === '' ? '(?:$|[^0-9])' : `(?:$|[^0-9${seps}]|[${seps}](?:$|[^0-9]))`;
  return `(${core})${after}`;
}
