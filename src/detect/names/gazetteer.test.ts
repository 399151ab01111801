import { describe, expect, it } from 'vitest';
import { SafeRegex } from '../../core/regex.js';
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.js';
import {
  alternation,
  asciiFold,
  isAmbiguousFirstName,
  isNonNameWord,
  isStrongFirstName,
  isStrongSurname,
  nameKey,
  NAME_PARTICLES,
  spellings,
} from './gazetteer.js';
import { TRAILER_WORD_LIST } from './name-patterns.js';
import { NON_NAME_WORDS } from './non-name-words.js';
import { AMBIGUOUS_SURNAMES, SURNAMES } from './surnames.js';

describe('gazetteer data', () => {
  it('is large enough to be useful', () => {
    expect(FIRST_NAMES.length).toBeGreaterThan(600);
    expect(SURNAMES.length).toBeGreaterThan(600);
  });

  it('never lists a name as a non-name word', () => {
    const names = new Set(
      [...FIRST_NAMES, ...AMBIGUOUS_FIRST_NAMES, ...SURNAMES, ...AMBIGUOUS_SURNAMES, ...NAME_PARTICLES].flatMap((n) =>
        spellings(n).map(nameKey),
      ),
    );
    expect(NON_NAME_WORDS.filter((w) => names.has(nameKey(w)))).toEqual([]);
  });

  it('keeps strong and ambiguous given names apart', () => {
    const strong = new Set(FIRST_NAMES.map(nameKey));
    expect(AMBIGUOUS_FIRST_NAMES.filter((n) => strong.has(nameKey(n)))).toEqual([]);
  });

  it('rejects every word a name pattern may swallow as a trailer', () => {
    expect(TRAILER_WORD_LIST.filter((w) => !isNonNameWord(w))).toEqual([]);
  });
});

describe('spellings and lookups', () => {
  it.each([
    ['Søren', 'Soren'],
    ['Łukasz', 'Lukasz'],
    ['José', 'Jose'],
    ['Zoë', 'Zoe'],
    ['Çelik', 'Celik'],
    ['İbrahim', 'Ibrahim'],
    ['Weiß', 'Weiss'],
    ['Guðrún', 'Gudrun'],
  ])('folds %s to %s', (name, folded) => {
    expect(asciiFold(name)).toBe(folded);
  });

  it('adds the German transliteration of umlauts', () => {
    expect(spellings('Jürgen')).toEqual(expect.arrayContaining(['Jürgen', 'Jurgen', 'Juergen']));
  });

  it.each(['Søren', 'SOREN', 'soren', 'José', 'JOSE', 'Anna-Lena', 'İbrahim', 'IBRAHIM'])('knows the given name %s', (t) => {
    expect(isStrongFirstName(t)).toBe(true);
  });

  it.each(['Müller', 'MUELLER', 'Muller', 'García', 'GARCIA', "O'Brien", 'O’Brien', 'Müller-Lüdenscheidt', 'Çelik'])(
    'knows the surname %s',
    (t) => {
      expect(isStrongSurname(t)).toBe(true);
    },
  );

  it.each(['Will', 'May', 'Grace', 'Paris'])('treats %s as ambiguous, not strong', (t) => {
    expect(isAmbiguousFirstName(t)).toBe(true);
    expect(isStrongFirstName(t)).toBe(false);
  });

  it.each(['GmbH', 'Street', 'Monday', 'Team', 'Inc.', 'Termin'])('knows %s is not a name', (t) => {
    expect(isNonNameWord(t)).toBe(true);
  });
});

describe('alternation', () => {
  const re = new SafeRegex(`^${alternation(['Maria', 'Søren', 'José'])}$`);

  it.each(['Maria', 'MARIA', 'Søren', 'SØREN', 'Soren', 'SOREN', 'José', 'Jose', 'JOSÉ'])('matches %s', (t) => {
    expect(re.test(t)).toBe(true);
  });

  it.each(['maria', 'mARIA', 'Mari', 'Marias'])('does not match %s (first letter as written)', (t) => {
    expect(re.test(t)).toBe(false);
  });
});
