import { describe, expect, it } from 'vitest';
import { judgeCuedName, judgeGivenNameFirst, judgeNameInText } from './judge-name.js';

describe('judgeGivenNameFirst', () => {
  it.each([
    'Maria Müller',
    'JOSÉ GARCÍA',
    'Will Smith',
    'J. Kowalczyk',
    'Müller, Anna',
    'Emma de Vries',
    'Anh Le',
    'Jean-Pierre Dubois',
  ])('keeps %s', (value) => {
    expect(judgeGivenNameFirst(value)).toBeUndefined();
  });

  it.each([
    ['Anna Schmidt GmbH', 'company suffix'],
    ['George Street', 'street word'],
    ['Maria Termin', 'German noun'],
    ['MARIA WILL', 'verb-like ambiguous name at the end'],
    ['Mark Twain', 'ambiguous given name without a known surname'],
    ['Thanks, Anna', 'comma form without a surname'],
    ['Berlin, Anna', 'comma form without a surname'],
    ['rosa Farbe', 'lower-case word'],
    ['Anna Schmidt & Co', 'ampersand'],
    ['Tjark Kowalczyk', 'unknown given name first'],
  ])('rejects %s (%s)', (value) => {
    expect(judgeGivenNameFirst(value)).toBe('reject');
  });
});

describe('judgeNameInText', () => {
  it.each(['Xiaoling Kowalczyk', 'Ngozi Okafor', 'José García López', 'Grace Kelly'])('keeps %s', (value) => {
    expect(judgeNameInText(value)).toBeUndefined();
  });

  it.each(['Service Cloud', 'Santa Cruz', 'Morgan Stanley', 'Grace Hopper', 'Data Loader'])('rejects %s', (value) => {
    expect(judgeNameInText(value)).toBe('reject');
  });
});

describe('judgeCuedName', () => {
  it.each(['Okonkwo-Bello', 'Tjark Oltmanns', 'van der Poel', 'J. R. R. Tolkien'])('keeps %s', (value) => {
    expect(judgeCuedName(value)).toBeUndefined();
  });

  it.each(['Customer', 'Sales Team', 'Sir', 'World', 'Support'])('rejects %s', (value) => {
    expect(judgeCuedName(value)).toBe('reject');
  });
});
