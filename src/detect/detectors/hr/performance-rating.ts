import { wordStartsWith } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';

/**
 * PERFORMANCE_RATING: what a performance review says about a person: "exceeds
 * expectations", "needs improvement", "top performer", "rating: 2/5", "calibrated to 3",
 * "box 9 on the 9-box". Always next to a review word, since "revenue exceeds expectations"
 * is not about a person.
 */

const EXPECTATION_PHRASES =
  '(?:(?:does[ \\t]+not|doesn\'t|did[ \\t]+not|didn\'t|partially|fully|consistently|mostly|almost|far|' +
  'significantly|well|frequently|often|always|sometimes|rarely)[ \\t]+)?' +
  '(?:meets?|met|meeting|exceeds?|exceeded|exceeding)[ \\t]+(?:all[ \\t]+|most[ \\t]+|some[ \\t]+)?expectations' +
  '|(?:below|above|under|beyond)[ \\t]+expectations' +
  '|needs[ \\t]+(?:improvement|development)' +
  '|(?:under|low|top|high|strong|solid|poor|weak|star)[ \\t-]?performers?' +
  '|underperform(?:ing|ed|s|ance)?' +
  '|unsatisfactory(?:[ \\t]+performance)?' +
  '|(?:erfüllt|übertrifft|übertraf)[ \\t]+(?:die[ \\t]+)?erwartungen(?:[ \\t]+(?:nicht|teilweise))?' +
  '|(?:unter|über)[ \\t]+den[ \\t]+erwartungen' +
  '|(?:dépasse|répond[ \\t]+aux|en[ \\t]+dessous[ \\t]+des|au-dessus[ \\t]+des|conforme[ \\t]+aux)[ \\t]+(?:les[ \\t]+|des[ \\t]+)?attentes' +
  '|(?:supera|cumple(?:[ \\t]+con)?|no[ \\t]+cumple(?:[ \\t]+con)?|por[ \\t]+debajo[ \\t]+de)[ \\t]+(?:las[ \\t]+)?expectativas' +
  '|(?:supera|soddisfa|non[ \\t]+soddisfa|al[ \\t]+di[ \\t]+sotto[ \\t]+delle)[ \\t]+(?:le[ \\t]+)?aspettative' +
  '|(?:overtreft|voldoet[ \\t]+aan|voldoet[ \\t]+niet[ \\t]+aan|onder)[ \\t]+(?:de[ \\t]+)?verwachtingen' +
  '|(?:supera|atende|não[ \\t]+atende|abaixo[ \\t]+das)[ \\t]+(?:as[ \\t]+)?expectativas';

/** Review words: a rating phrase counts only near one of them. */
/** How each verdict phrase can begin (anchors: the phrase is tried only at such words). */
const VERDICT_START = wordStartsWith([
  'does', 'did', 'partially', 'fully', 'consistently', 'mostly', 'almost', 'far', 'significantly', 'well', 'frequently',
  'often', 'always', 'sometimes', 'rarely', 'meet', 'met', 'exceed', 'below', 'above', 'under', 'beyond', 'needs', 'low',
  'top', 'high', 'strong', 'solid', 'poor', 'weak', 'star', 'unsatisfactory', 'erfüllt', 'übertr', 'unter', 'über',
  'dépasse', 'répond', 'en', 'au', 'conforme', 'supera', 'cumple', 'no', 'por', 'soddisfa', 'non', 'al', 'overtreft',
  'voldoet', 'onder', 'atende', 'não', 'abaixo',
]);

const REVIEW_CONTEXT = [
  'review', 'performance review', 'perf review', 'annual review', 'year-end review', 'mid-year review',
  'performance', 'calibration', 'calibrated', 'pip', 'performance improvement plan', 'appraisal',
  'evaluation', 'rated', 'rating', 'feedback', '360', 'talent review', 'leistungsbeurteilung', 'beurteilung',
  'mitarbeitergespräch', 'jahresgespräch', 'zielvereinbarung', 'évaluation', 'entretien annuel',
  'evaluación', 'desempeño', 'valutazione', 'beoordeling', 'functioneringsgesprek', 'avaliação',
  'desempenho',
];
/** Stricter words for bare numbers ("rating: 4/5" is also a customer-satisfaction score). */
const SCORE_CONTEXT = [
  'performance review', 'perf review', 'annual review', 'year-end review', 'mid-year review',
  'performance rating', 'performance score', 'calibration', 'pip', 'performance improvement plan',
  'appraisal', 'talent review', '9-box', 'nine-box', '9 box', 'leistungsbeurteilung',
  'mitarbeitergespräch', 'jahresgespräch', 'entretien annuel', 'évaluation annuelle',
  'evaluación de desempeño', 'valutazione delle prestazioni', 'beoordelingsgesprek',
  'functioneringsgesprek', 'avaliação de desempenho',
];

export const performanceRatingDetectors: DetectorSpec[] = [
  {
    id: 'performance-rating',
    entity: 'PERFORMANCE_RATING',
    description: 'Performance-review verdict such as "exceeds expectations" or "needs improvement"',
    // no `\\b` (ASCII-only in RE2, it would fail before "übertrifft"); the engine's boundary
    // check rejects phrases glued to a letter instead
    patterns: [{ name: 'verdict', regex: `(?:${EXPECTATION_PHRASES})`, score: 0.6, flags: 'i', startsAt: VERDICT_START }],
    keywords: [
      'expectation', 'performer', 'underperform', 'improvement', 'development', 'unsatisfactory', 'erwartung',
      'attentes', 'expectativas', 'aspettative', 'verwachtingen',
    ],
    context: REVIEW_CONTEXT,
    contextRequired: true,
    samples: {
      tp: [
        { text: "In her annual review she was rated 'does not meet expectations'.", value: 'does not meet expectations' },
        { text: 'Performance review: exceeds expectations in all areas.', value: 'exceeds expectations' },
        { text: 'Calibration outcome: meets expectations.', value: 'meets expectations' },
        { text: 'Appraisal: needs improvement on delivery.', value: 'needs improvement' },
        { text: 'Put on a PIP after two years below expectations.', value: 'below expectations' },
        { text: 'Flagged as an underperformer in the talent review.', value: 'underperformer' },
        { text: 'Identified as a top performer during calibration.', value: 'top performer' },
        { text: 'Leistungsbeurteilung: übertrifft die Erwartungen', value: 'übertrifft die Erwartungen' },
        { text: 'Évaluation annuelle : dépasse les attentes', value: 'dépasse les attentes' },
      ],
      fp: [
        'Q3 revenue exceeds expectations, says the CFO.',
        'The new release meets expectations for load times.',
        'Needs improvement: the login page is slow.',
        'This is a top performer product in the EMEA catalogue.',
      ],
    },
  },
  {
    id: 'performance-score',
    entity: 'PERFORMANCE_RATING',
    description: 'Numeric performance rating ("rating: 2/5", "calibrated to 3", "box 9") in a review',
    patterns: [
      {
        name: 'rating-number',
        regex:
          '\\b(?:rating|rated|score|scored|calibrated(?:[ \\t]+(?:up|down))?[ \\t]+to|bewertung|note|notation|' +
          'valutazione|puntuación|beoordeling|nota)[ \\t]*[:=]?[ \\t]*(?:(?:an?|him|her|them|ihn|sie)[ \\t]+)?' +
          '(\\d(?:[.,]\\d)?(?:[ \\t]*/[ \\t]*(?:3|4|5|10)|[ \\t]+(?:out[ \\t]+of|of|von|sur|de|su|van)[ \\t]+(?:3|4|5|10))?)' +
          '(?:[^\\d%.,]|[.,](?:[^\\d]|$)|$)',
        score: 0.6,
        flags: 'i',
        group: 1,
      },
      {
        name: 'nine-box',
        regex: '\\b(box[ \\t]+[1-9])\\b',
        score: 0.6,
        flags: 'i',
        group: 1,
      },
    ],
    keywords: ['rating', 'rated', 'score', 'calibrat', 'box', 'bewertung', 'note', 'notation', 'valutazione', 'puntuación', 'beoordeling', 'nota'],
    minDigits: 1,
    context: SCORE_CONTEXT,
    contextRequired: true,
    samples: {
      tp: [
        { text: 'Performance review 2024 — rating: 2/5', value: '2/5' },
        { text: 'After calibration she was calibrated to 3.', value: '3' },
        { text: 'Talent review: box 9 on the 9-box.', value: 'box 9' },
        { text: 'Appraisal score 3.5/5, raise approved.', value: '3.5/5' },
        { text: 'PIP started; manager rated him 1 out of 5.', value: '1 out of 5' },
      ],
      fp: [
        'Customer satisfaction rating: 4/5 on the survey.',
        'Performance review scheduled; rating form attached.',
        'Ship box 3 of 5 to the warehouse.',
        'The sensor was calibrated to 3 mm tolerance.',
        'Performance review: score 95% on the quiz.',
      ],
    },
  },
];
