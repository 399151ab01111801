import { describe, expect, it } from 'vitest';
import { SafeRegex } from '../../../core/regex.js';
import { alnumTokenWithDigit, wholeNumber } from './pattern-parts.js';

describe('alnumTokenWithDigit', () => {
  const re = new SafeRegex(alnumTokenWithDigit(6));
  const tokens = (text: string) => re.matchAll(text).map((m) => text.slice(m.start, m.end));

  it.each(['C01X00T47', '18AV12345', 'NW92HK3R1', 'ABCDE1', '1ABCDE', 'AB1CDEF', '123456', 'XGH482910337'])('takes the whole run %s', (token) =>
    expect(tokens(`id ${token} end`)).toEqual([token]),
  );

  it.each(['2026', 'X200', 'ABCDEFGH', '12345', 'A1B2C'])('skips %s', (token) => expect(tokens(`id ${token} end`)).toEqual([]));
});

describe('wholeNumber', () => {
  const spans = (source: string, text: string) =>
    new SafeRegex(source).matchAll(text).map((m) => {
      const g = m.groups[1];
      return g ? text.slice(g[0], g[1]) : undefined;
    });

  it('matches a grouped number that ends the number', () => {
    const re = wholeNumber('\\d{3}(?: \\d{3}){2,}', ' ');
    expect(spans(re, 'SIN 464 542 869 verified')).toEqual(['464 542 869']);
    expect(spans(re, 'SIN 464 542 869')).toEqual(['464 542 869']);
    expect(spans(re, 'SIN 464 542 869, ok')).toEqual(['464 542 869']);
  });

  it('does not match inside longer numbers', () => {
    const re = wholeNumber('\\d{3}(?: \\d{3}){2,}', ' ');
    expect(spans(re, 'call +1 415 555 3294 now')).toEqual([]);
    expect(spans(re, 'IBAN GB65 GDQI 966 441 102 37')).toEqual([]);
    expect(spans(wholeNumber('\\d{3}-\\d{2}', '-'), 'ref 123-45-6')).toEqual([]);
  });

  it('leaves the start to the engine boundary check', () => {
    // RE2 cannot look behind; the engine drops a match glued to a digit on its left.
    expect(spans(wholeNumber('\\d{4}'), 'code 12345')).toEqual(['2345']);
  });
});
