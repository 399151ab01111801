import { describe, expect, it } from 'vitest';
import { cnpjCheckDigits, cnpjValid, cpfCheckDigits, cpfValid } from './br-tax.js';

describe('cpfValid', () => {
  // python-stdnum's test vector and widely published examples.
  it.each(['39053344705', '52998224725', '11144477735'])('accepts %s', (digits) => expect(cpfValid(digits)).toBe(true));

  it.each([
    ['23100299900', 'python-stdnum invalid vector'],
    ['52998224724', 'second check digit off'],
    ['52998224715', 'first check digit off'],
    ['11111111111', 'all the same digit'],
    ['00000000000', 'all zero'],
    ['5299822472', 'ten digits'],
    ['529.982.247-25', 'not compact'],
  ])('rejects %s (%s)', (digits) => expect(cpfValid(digits)).toBe(false));

  it('computes check digits', () => {
    expect(cpfCheckDigits('529982247')).toBe('25');
    expect(cpfCheckDigits('390533447')).toBe('05');
  });
});

describe('cnpjValid', () => {
  // python-stdnum's vectors found online, the Receita Federal alphanumeric example and a worked example.
  it.each(['07195358000166', '11222333000181', '61882613000194', '18090575000299', '44038188000132', '12ABC34501DE35'])(
    'accepts %s',
    (value) => expect(cnpjValid(value)).toBe(true),
  );

  it.each([
    ['11222333000182', 'second check digit off'],
    ['11222333000171', 'first check digit off'],
    ['00000000000000', 'all zero'],
    ['12ABC34501DE36', 'alphanumeric with a bad check digit'],
    ['12abc34501de35', 'lower case'],
    ['1122233300018', 'thirteen characters'],
    ['12ABC34501DE3A', 'check digits must be digits'],
  ])('rejects %s (%s)', (value) => expect(cnpjValid(value)).toBe(false));

  it('computes check digits', () => {
    expect(cnpjCheckDigits('112223330001')).toBe('81');
    expect(cnpjCheckDigits('12ABC34501DE')).toBe('35');
  });

  it('throws on a bad base', () => {
    expect(() => cnpjCheckDigits('1122233300')).toThrow(RangeError);
    expect(() => cpfCheckDigits('12345678')).toThrow(RangeError);
  });
});
