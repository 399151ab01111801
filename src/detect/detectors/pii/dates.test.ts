import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { isPlausibleBirthDate, personalDateDetectors, readDate, validateAge, validateBirthDate } from './dates.js';

const engine = new DetectionEngine({ detectors: personalDateDetectors });
const spans = (text: string): Array<[string, string]> =>
  engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);

describe('date of birth', () => {
  it.each([
    ['DOB: 1985-03-14', '1985-03-14'],
    ['Geburtsdatum: 14.03.1985', '14.03.1985'],
    ['Patient born 03/14/1985 in Lyon', '03/14/1985'],
    ['date of birth 14/03/1985', '14/03/1985'],
    ['She was born on 14 March 1985.', '14 March 1985'],
    ['Birthday: March 14, 1985', 'March 14, 1985'],
    ['born on the 3rd of May 1990', '3rd of May 1990'],
    ['geboren am 14. März 1985 in Köln', '14. März 1985'],
    ['geb. 14.3.1985', '14.3.1985'],
    ['née le 14 mars 1985 à Lyon', '14 mars 1985'],
    ['Date de naissance : 1er février 1979', '1er février 1979'],
    ['fecha de nacimiento: 14 de marzo de 1985', '14 de marzo de 1985'],
    ['data di nascita 29/02/1984', '29/02/1984'],
    ['geboortedatum 01-12-1979', '01-12-1979'],
    ['data de nascimento: 14 de março de 1985', '14 de março de 1985'],
    ['D.O.B. 14.03.85', '14.03.85'],
  ])('finds %j', (text, value) => {
    expect(spans(text)).toEqual([['DATE_OF_BIRTH', value]]);
  });

  it.each([
    ['DOB: 31.02.1985', 'no 31 February'],
    ['date of birth 14/13/1985', 'month 13 either way'],
    ['born 1885-03-14', 'before 1900'],
    ['DOB: 2099-01-01', 'in the future'],
    ['DOB: 14.03/1985', 'mixed separators'],
    ['Order shipped 2024-03-14; invoice due 14.04.2024.', 'no birth cue'],
    ['born in 1985, joined 2010', 'a year is not a date'],
  ])('rejects %j (%s)', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it('reads both day/month orders of a numeric date', () => {
    const today = new Date(Date.UTC(2026, 0, 1));
    expect(readDate('03/04/1985', today)).toEqual([
      { year: 1985, month: 4, day: 3 },
      { year: 1985, month: 3, day: 4 },
    ]);
    expect(readDate('14.03.85', today)).toContainEqual({ year: 1985, month: 3, day: 14 });
    expect(readDate('14.03.07', today)).toContainEqual({ year: 2007, month: 3, day: 14 });
  });

  it('checks leap years and the injected day', () => {
    const today = new Date(Date.UTC(2026, 0, 1));
    expect(isPlausibleBirthDate({ year: 1984, month: 2, day: 29 }, today)).toBe(true);
    expect(isPlausibleBirthDate({ year: 1985, month: 2, day: 29 }, today)).toBe(false);
    expect(isPlausibleBirthDate({ year: 2026, month: 1, day: 2 }, today)).toBe(false);
    expect(validateBirthDate('2025-12-31', today)).toBeUndefined();
  });
});

describe('age', () => {
  it.each([
    ['Patient is a 42-year-old male.', '42'],
    ['The customer, 67 years old, asked for a callback.', '67'],
    ['42 yrs old', '42'],
    ['a man 42 years of age', '42'],
    ['Patient 42 y/o with chest pain', '42'],
    ['aged 42, lives in Lyon', '42'],
    ['Age: 42', '42'],
    ['Alter: 42', '42'],
    ['Er ist 42 Jahre alt.', '42'],
    ['Elle a 42 ans.', '42'],
    ['âgée de 42 ans', '42'],
    ['Tiene 42 años.', '42'],
    ['Ha 42 anni.', '42'],
    ['Hij is 42 jaar oud.', '42'],
    ['Ela tem 42 anos.', '42'],
    ['Patiente de 42 ans, douleurs thoraciques.', '42'],
    ['Paciente, 67 años, diabetes tipo 2.', '67'],
  ])('finds %j', (text, value) => {
    expect(spans(text)).toEqual([['AGE', value]]);
  });

  it.each([
    'Invoices aged 30 days or more are overdue.',
    'Average deal age: 45 days',
    'Cache-Control: max-age: 60',
    'Page 42 of the report; stage 2 of 5.',
    'Age: 150',
    'The building is 250 years old.',
    'Il y a 42 ans, la société a été fondée.',
    'La société existe depuis 42 ans.',
    'El cliente compró hace 12 años.',
    'Garantie 2 ans pièces et main-d’œuvre.',
  ])('finds no age in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it.each([
    ['0', undefined],
    ['120', undefined],
    ['121', 'reject'],
    ['4a', 'reject'],
  ])('validates %s', (value, verdict) => {
    expect(validateAge(value)).toBe(verdict);
  });
});
