import { describe, expect, it } from 'vitest';
import {
  esCifControls,
  esCifValid,
  esDniLetter,
  esDniValid,
  esNieValid,
  esNifValid,
  fiHetuCheckChar,
  iePpsnCheckLetter,
  iePpsnValid,
  itFiscalCodeCheckChar,
  itFiscalCodeChecksumValid,
  itFiscalCodeDecodeOmocodia,
} from './check-letter.js';

describe('Spanish DNI, NIE, CIF and NIF', () => {
  it('computes the DNI letter', () => {
    expect(esDniLetter('12345678')).toBe('Z');
    expect(esDniLetter('1234567x')).toBeNull();
  });
  // Examples from the Ministerio del Interior and python-stdnum (es.dni, es.nie, es.cif).
  it.each(['12345678Z', '54362315K'])('accepts DNI %s', (v) => expect(esDniValid(v)).toBe(true));
  it.each(['12345678A', '1234567Z', '54362415K'])('rejects DNI %s', (v) => expect(esDniValid(v)).toBe(false));
  it.each(['X1234567L', 'X5253868R', 'Y5277343F', 'Z5277343K'])('accepts NIE %s', (v) => expect(esNieValid(v)).toBe(true));
  it.each(['X1234567M', 'A1234567L', 'X2322300W'])('rejects NIE %s', (v) => expect(esNieValid(v)).toBe(false));
  it.each(['J99216582', 'A13585625', 'Q0818001J', 'R9600075G', 'W4003922D', 'B58378431', 'F13005293'])(
    'accepts CIF %s',
    (v) => expect(esCifValid(v)).toBe(true),
  );
  it.each(['J99216583', 'K2814015F', 'Q08180011', 'A1358562E', 'X1234567L'])('rejects CIF %s', (v) =>
    expect(esCifValid(v)).toBe(false),
  );
  it('gives both forms of the CIF control', () => expect(esCifControls('0818001')).toEqual({ digit: '0', letter: 'J' }));
  it.each(['12345678Z', 'X1234567L', 'B58378431', 'M1234567L'])('accepts NIF %s', (v) => expect(esNifValid(v)).toBe(true));
  it.each(['M1234567K', '', 'B5837843'])('rejects NIF %s', (v) => expect(esNifValid(v)).toBe(false));
});

describe('Italian codice fiscale', () => {
  // The Agenzia delle Entrate's classic example and an omocodic variant of it.
  it('computes the check character', () => expect(itFiscalCodeCheckChar('RSSMRA85T10A562')).toBe('S'));
  it.each(['RSSMRA85T10A562S', 'RSSMRA85T10A56NH', 'MRTMTT25D09F205Z'])('accepts %s', (v) =>
    expect(itFiscalCodeChecksumValid(v)).toBe(true),
  );
  it.each(['RSSMRA85T10A562T', 'RSSMRA85Z10A562S', 'RSSMRA85T10A562', '1SSMRA85T10A562S'])('rejects %s', (v) =>
    expect(itFiscalCodeChecksumValid(v)).toBe(false),
  );
  it('decodes omocodia', () => expect(itFiscalCodeDecodeOmocodia('RSSMRA85T10A56NH')).toBe('RSSMRA85T10A562H'));
});

describe('Finnish henkilötunnus', () => {
  // The Digital and Population Data Services Agency's example 131052-308T.
  it('computes the check character', () => {
    expect(fiHetuCheckChar('131052308')).toBe('T');
    expect(fiHetuCheckChar('13105230')).toBeNull();
  });
});

describe('Irish PPS number', () => {
  // Revenue's format examples: 1234567T (pre-2013) and 1234567FA (2013 format).
  it('computes the check letter', () => {
    expect(iePpsnCheckLetter('1234567')).toBe('T');
    expect(iePpsnCheckLetter('1234567', 'A')).toBe('F');
    expect(iePpsnCheckLetter('1234567', 'W')).toBe('T');
  });
  it.each(['1234567T', '1234567FA', '1234567TW', '6433435F'])('accepts %s', (v) => expect(iePpsnValid(v)).toBe(true));
  it.each(['1234567U', '1234567TA', '123456T', '1234567FZ'])('rejects %s', (v) => expect(iePpsnValid(v)).toBe(false));
});
