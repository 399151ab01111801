import type { DetectorSpec, Validation } from '../../spec.js';
import { LETTER, UPPER } from '../location/patterns.js';
import { LEADING_NON_NAME_WORDS, ORGANIZATION_CONTEXT, SHORT_LEGAL_FORMS, STRONG_LEGAL_FORMS } from './legal-forms.js';

/**
 * Organisations named with their legal form: one to five capitalised name words (with
 * "&", "of", "de"… between them), an optional comma, and the suffix — "Müller Logistik GmbH",
 * "Acme Health Inc.", "Banco Santander, S.A.". Configured customer and competitor names are
 * found by the engine's customer dictionaries instead (entity ORGANIZATION).
 */

const SP = '[ \\t]';
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Longest first; a suffix ending in a letter must end the word ("SA" is not the start of "SAP"). */
function suffixAlternation(forms: readonly string[]): string {
  const sorted = [...new Set(forms)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((f) => escapeRegex(f) + (/[A-Za-z0-9]$/.test(f) ? '\\b' : '')).join('|')})`;
}

/**
 * A name word: capitalised (Müller, AT&T, Coca-Cola, McDonald's), camel-cased (eBay) or
 * digit-led (3M, 1&1). Latin letters only, as in the address patterns, to keep the set small.
 */
const NAME_WORD = `(?:[${UPPER}][${LETTER}0-9'’&.+-]{0,30}|[a-z][${UPPER}][${LETTER}0-9]{0,30}|[0-9]{1,8}[${LETTER}&][${LETTER}0-9&]{0,30})`;
const CONNECTOR = '(?:&|and|und|et|y|e|of|the|de|del|der|des|du|la|le|van|von|for|für|do|da|di)';
/**
 * Lazy, so "Nordic Timber Oy and Fjord Shipping A/S" is two names, not one. At most eight
 * words and bounded word lengths: unbounded runs let a long run of capitalised words cost
 * quadratic time (every start position would scan to its end).
 */
const NAME = `${NAME_WORD}(?:${SP}+(?:${CONNECTOR}${SP}+){0,2}${NAME_WORD}){0,8}?`;
const LEAD = `(?:${[...LEADING_NON_NAME_WORDS].sort((a, b) => b.length - a.length).join('|')})`;

/** Group 1 is the organisation; leading sentence words ("Fattura di") are matched but left out of it. */
const ORGANIZATION = `(?:${LEAD}(?:${SP}+${CONNECTOR})?${SP}+)*(${NAME},?${SP}+${suffixAlternation([...STRONG_LEGAL_FORMS, ...SHORT_LEGAL_FORMS])})`;

const NON_NAME = new Set([...LEADING_NON_NAME_WORDS, 'Company', 'Firm'].map((w) => w.toLowerCase()));
const ALL_FORMS = [...STRONG_LEGAL_FORMS, ...SHORT_LEGAL_FORMS].sort((a, b) => b.length - a.length);
const SHORT_FORMS = new Set<string>(SHORT_LEGAL_FORMS);

/**
 * A "name" made only of sentence words ("The Ltd", "This Company Limited") names nobody; a
 * short form (AB, SE, NV…) counts only with a company word nearby.
 */
function validateOrganization(value: string, facts: { nearContext: boolean }): Validation {
  const form = ALL_FORMS.find((f) => value.endsWith(f)) ?? '';
  if (SHORT_FORMS.has(form) && !facts.nearContext) return 'reject';
  const words = value.slice(0, value.length - form.length).split(/[\s,]+/).filter((w) => w.length > 0);
  return words.every((w) => NON_NAME.has(w.toLowerCase())) ? 'reject' : undefined;
}

export const organizationDetectors: DetectorSpec[] = [
  {
    id: 'organization-legal-form',
    entity: 'ORGANIZATION',
    description:
      'Company names ending in a legal form (GmbH, AG, S.A., SARL, S.L., S.p.A., S.r.l., B.V., N.V., Ltd, PLC, Inc., LLC, Oy, A/S, Sp. z o.o., Kft., s.r.o., Pty Ltd…); the short forms that are also common abbreviations (AB, AS, SA, SE, SL, LP, NV, BV, SAS, Co.) need a company word nearby',
    patterns: [{ name: 'name-and-form', regex: ORGANIZATION, score: 0.8, group: 1 }],
    // the form as written, as a whole word: "AG", not the "ag" of "manager"
    keywords: [...new Set([...STRONG_LEGAL_FORMS, ...SHORT_LEGAL_FORMS])],
    keywordMatch: 'as-written',
    context: ORGANIZATION_CONTEXT,
    contextBoost: 0.15,
    validate: validateOrganization,
    samples: {
      tp: [
        'Müller Logistik GmbH',
        { text: 'We signed with Acme Health Inc. last week.', value: 'Acme Health Inc.' },
        { text: 'Contrato con Banco Santander, S.A. firmado.', value: 'Banco Santander, S.A.' },
        { text: 'Yesterday Nordwind Energie GmbH & Co. KG called back.', value: 'Nordwind Energie GmbH & Co. KG' },
        { text: 'Le fournisseur Dupont et Fils SARL a livré.', value: 'Dupont et Fils SARL' },
        { text: 'Fattura di Rossi Costruzioni S.r.l. ricevuta', value: 'Rossi Costruzioni S.r.l.' },
        { text: 'Leverancier: Van Dijk Installatietechniek B.V.', value: 'Van Dijk Installatietechniek B.V.' },
        { text: 'Contact at Procter & Gamble Co., Ltd. confirmed', value: 'Procter & Gamble Co., Ltd.' },
        { text: 'Kunde Kowalski Transport Sp. z o.o. zahlt spät', value: 'Kowalski Transport Sp. z o.o.' },
        { text: 'Brightwave Analytics Pty Ltd (Sydney)', value: 'Brightwave Analytics Pty Ltd' },
        { text: 'Nordic Timber Oy and Fjord Shipping A/S', value: 'Fjord Shipping A/S' },
        { text: 'eBay Inc', value: 'eBay Inc' },
        { text: 'Our supplier Nordic Steel AB shipped today.', value: 'Nordic Steel AB' },
        { text: 'The customer Siemens Energy SE renewed the contract.', value: 'Siemens Energy SE' },
        { text: 'Fournisseur : Atelier Lumière SAS', value: 'Atelier Lumière SAS' },
        { text: 'Cliente: Hermanos García SL', value: 'Hermanos García SL' },
        { text: 'Partner firm Fjellstad Bygg AS', value: 'Fjellstad Bygg AS' },
      ],
      fp: [
        'The Ltd is a common abbreviation.',
        'limited edition of 500 copies',
        'This Company Limited offer ends soon',
        'Acme GmbHx is not a suffix',
        'we are an inc. magazine reader',
        'Agenda: Q3 review',
        'We ran the Checkout Page AB test',
        'Region SE grew 5%',
        'Flights to Las Vegas, NV are cheap',
        'Nordic Steel AB shipped today.',
        'We bought the Vinyl LP yesterday',
      ],
    },
  },
];
