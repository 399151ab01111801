import type { DetectorSpec, Validation } from '../../spec.js';

/**
 * COMPENSATION: a money amount next to a pay word (salary, bonus, RSU, Gehalt, salaire …).
 * The span is the amount with its currency: "$120,000", "€85.000", "USD 150,000",
 * "120 000 EUR", "£60k", "CHF 140'000", "95k", "$120k–$140k".
 */

const CODES = 'USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|INR|SGD|HKD|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|TRY|ZAR|AED';
/** Currency before the number: "$", "US$", "€ ", "USD ", "CHF ". */
const CURRENCY_BEFORE = `(?:[$€£¥₹]|US\\$|CA\\$|A\\$|R\\$|(?:${CODES})[ \\u00a0]?)`;
/** Currency after the number: " EUR", "€", " k€", " Euro", " Franken", " zł". */
const CURRENCY_AFTER =
  `[ \\u00a0]?(?:[€$£¥₹]|k€|K€|${CODES}|Euro|Euros|euros|euro|EURO|dollars|Dollar|Franken|francs|Fr\\.|kr|zł|TL)`;
/** 120,000 · 85.000 · 140'000 · 120 000 (also thin and no-break spaces) · 95,000.50 · 60 */
const NUMBER = "\\d{1,3}(?:[,.'’ \\u00a0\\u202f]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
/** 95k, 1.2M, 1,5 Mio., 80 Tsd. */
const MULTIPLIER = '(?:[ \\u00a0]?(?:[kKmM]|mn|Mio\\.?|Mrd\\.?|million|millions|Tsd\\.?))?';

const AMOUNT =
  `${CURRENCY_BEFORE}(?:${NUMBER})${MULTIPLIER}` + // $120,000 · USD 150,000 · £60k
  `|(?:${NUMBER})${MULTIPLIER}${CURRENCY_AFTER}` + // 120 000 EUR · 85.000 € · 60 k€
  '|\\d{1,3}(?:[.,]\\d)?[ \\u00a0]?[-–][ \\u00a0]?\\d{1,3}(?:[.,]\\d)?[kK]' + // 120-140k
  '|\\d{1,3}(?:[.,]\\d)?[kK]'; // 95k
/** A second amount after a dash or "to": "$120k–$140k", "120-140k", "€80.000 bis 95.000". */
const RANGE_END = `(?:${CURRENCY_BEFORE})?(?:${NUMBER})${MULTIPLIER}(?:${CURRENCY_AFTER})?`;

/**
 * The number before the amount must not continue a longer number ("2023 150,000 USD"), so
 * the pattern takes the character before and captures the amount.
 */
const COMPENSATION_REGEX =
  `(?:^|[^\\d.,'’])((?:${AMOUNT})(?:[ \\u00a0]*(?:-|–|—|to|bis|à|a)[ \\u00a0]*(?:${RANGE_END}))?)`;

/** Rejects amounts whose number is zero: "$0", "0k". */
export function validateAmount(value: string): Validation {
  return /[1-9]/.test(value) ? undefined : 'reject';
}

const PAY_WORDS = [
  'salary', 'salaries', 'base pay', 'base salary', 'annual salary', 'bonus', 'bonuses',
  'signing bonus', 'sign-on bonus', 'equity', 'rsu', 'rsus', 'stock options', 'stock grant', 'comp band',
  'compensation', 'total comp', 'ote', 'on-target earnings', 'pay grade', 'pay band', 'pay raise',
  'pay rise', 'a raise', 'raise to', 'raise of', 'merit increase', 'wage', 'wages', 'hourly rate',
  'offer letter', 'gehalt', 'grundgehalt', 'jahresgehalt', 'bruttogehalt', 'monatsgehalt', 'vergütung',
  'lohn', 'gehaltserhöhung', 'gehaltsband', 'salaire', 'rémunération', 'prime', 'augmentation', 'salario',
  'sueldo', 'retribución', 'stipendio', 'retribuzione', 'ral', 'salaris', 'loon', 'salário',
  'remuneração', 'ordenado', 'lön', 'løn', 'lønn', 'palkka', 'wynagrodzenie', 'pensja', 'maaş',
];

export const compensationDetectors: DetectorSpec[] = [
  {
    id: 'compensation',
    entity: 'COMPENSATION',
    description: 'Money amount next to a salary, bonus, equity or raise word',
    patterns: [{ name: 'amount', regex: COMPENSATION_REGEX, score: 0.6, group: 1 }],
    keywords: [
      'salar', 'base pay', 'pay grade', 'pay band', 'pay raise', 'pay rise', 'bonus', 'equity', 'rsu',
      'stock option', 'stock grant', 'compensation', 'comp band', 'total comp', 'on-target', 'raise', 'merit',
      'wage', 'hourly rate', 'offer letter', 'gehalt', 'vergütung', 'lohn', 'salaire', 'rémunération', 'prime',
      'augmentation', 'sueldo', 'retribu', 'stipendio', 'salaris', 'loon', 'salário', 'remunera',
      'ordenado', 'lön', 'løn', 'palkka', 'wynagrodzenie', 'pensja', 'maaş',
    ],
    minDigits: 2,
    context: PAY_WORDS,
    contextRequired: true,
    validate: validateAmount,
    samples: {
      tp: [
        { text: 'Base salary: $120,000 per year', value: '$120,000' },
        { text: 'Jahresgehalt €85.000 brutto', value: '€85.000' },
        { text: 'Offer: base 95k plus 10% bonus', value: '95k' },
        { text: 'salary USD 150,000', value: 'USD 150,000' },
        { text: 'Le salaire annuel est de 120 000 EUR.', value: '120 000 EUR' },
        { text: 'bonus of £60k paid in March', value: '£60k' },
        { text: 'Gehalt CHF 140\'000', value: "CHF 140'000" },
        { text: 'comp band $120k–$140k for L5', value: '$120k–$140k' },
        { text: 'RSU grant worth $250,000 vesting over 4 years', value: '$250,000' },
        { text: 'Manager proposes a raise to €92,500 effective April.', value: '€92,500' },
        { text: 'stipendio 45.000 € lordi', value: '45.000 €' },
      ],
      fp: [
        'Invoice total $120,000 due in 30 days.',
        'The opportunity amount is €85.000.',
        'Salary review scheduled for 2025-03-01.',
        'bonus target 15%',
        'Pay the invoice INV-120000 today.',
        'Base salary: $0',
      ],
    },
  },
];
