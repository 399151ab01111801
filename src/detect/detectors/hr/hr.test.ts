import { describe, expect, it } from 'vitest';
import { DetectionEngine } from '../../engine.js';
import { hrDetectors } from './index.js';

const engine = new DetectionEngine({ detectors: hrDetectors });
const spans = (text: string): Array<[string, string]> =>
  engine.detect(text).map((f) => [f.entity, text.slice(f.start, f.end)]);

describe('compensation', () => {
  it.each([
    ['Base salary: $120,000 per year', '$120,000'],
    ['Jahresgehalt €85.000 brutto', '€85.000'],
    ['Jahresgehalt 85.000 € brutto', '85.000 €'],
    ['Offer: base 95k plus bonus', '95k'],
    ['salary USD 150,000', 'USD 150,000'],
    ['Le salaire annuel est de 120 000 EUR.', '120 000 EUR'],
    ['salaire 120\u202f000 €', '120\u202f000 €'],
    ['bonus of £60k paid in March', '£60k'],
    ["Gehalt CHF 140'000", "CHF 140'000"],
    ['comp band $120k–$140k for L5', '$120k–$140k'],
    ['comp band 120-140k', '120-140k'],
    ['RSU grant worth $250,000 vesting over 4 years', '$250,000'],
    ['equity: $1.2M over four years', '$1.2M'],
    ['Manager proposes a raise to €92,500 effective April.', '€92,500'],
    ['stipendio 45.000 € lordi', '45.000 €'],
    ['salario 30.000,50 EUR', '30.000,50 EUR'],
    ['salaris 60 k€ per jaar', '60 k€'],
  ])('finds %j', (text, value) => {
    expect(spans(text)).toEqual([['COMPENSATION', value]]);
  });

  it.each([
    'Invoice total $120,000 due in 30 days.',
    'The opportunity amount is €85.000 for the company.',
    'Salary review scheduled for 2025-03-01.',
    'bonus target 15%',
    'Payment of EUR 5,000 received; invoice paid.',
    'Base salary: $0',
  ])('finds no compensation in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('performance rating', () => {
  it.each([
    ["In her annual review she was rated 'does not meet expectations'.", 'does not meet expectations'],
    ['Performance review: exceeds expectations in all areas.', 'exceeds expectations'],
    ['Calibration outcome: partially meets expectations.', 'partially meets expectations'],
    ['Appraisal: needs improvement on delivery.', 'needs improvement'],
    ['Put on a PIP after two years below expectations.', 'below expectations'],
    ['Flagged as an underperformer in the talent review.', 'underperformer'],
    ['Identified as a top performer during calibration.', 'top performer'],
    ['Leistungsbeurteilung: übertrifft die Erwartungen', 'übertrifft die Erwartungen'],
    ['Évaluation annuelle : dépasse les attentes', 'dépasse les attentes'],
    ['Performance review 2024 — rating: 2/5', '2/5'],
    ['After calibration she was calibrated to 3.', '3'],
    ['Talent review: box 9 on the 9-box.', 'box 9'],
    ['PIP started; manager rated him 1 out of 5.', '1 out of 5'],
  ])('finds %j', (text, value) => {
    expect(spans(text)).toEqual([['PERFORMANCE_RATING', value]]);
  });

  it.each([
    'Q3 revenue exceeds expectations, says the CFO.',
    'Customer satisfaction rating: 4/5 on the survey.',
    'Ship box 3 of 5 to the warehouse.',
    'The sensor was calibrated to 3 mm tolerance.',
    'Needs improvement: the login page is slow.',
  ])('finds no rating in %j', (text) => {
    expect(spans(text)).toEqual([]);
  });
});
