import type { DetectorSpec, Validation } from '../../spec.js';
import { cnpjValid, cpfValid } from '../../validators/br-tax.js';
import { wholeNumber } from './pattern-parts.js';
import { firstGroup, wordThen } from '../../anchors.js';

/**
 * CPF and CNPJ carry two mod-11 check digits (one number in a hundred passes by chance). The
 * punctuated forms stand on their own; bare runs of 11 or 14 digits are also phone numbers and
 * timestamps, so they are separate detectors that need a context word.
 */
function validateCpf(value: string): Validation {
  return cpfValid(value.replace(/[.-]/g, '')) ? 'confirm' : 'reject';
}

function validateCnpj(value: string): Validation {
  return cnpjValid(value.replace(/[./-]/g, '')) ? 'confirm' : 'reject';
}

const CPF_CONTEXT = [
  'cpf',
  'cpf/mf',
  'cadastro de pessoas físicas',
  'cadastro de pessoa física',
  'contribuinte',
  'brazilian tax id',
  'brazilian taxpayer number',
  'brasilianische steuernummer',
  'numéro fiscal brésilien',
  'número fiscal brasileño',
  'codice fiscale brasiliano',
  'braziliaans fiscaal nummer',
  'número de contribuinte',
];

const CNPJ_CONTEXT = [
  'cnpj',
  'cnpj/mf',
  'cadastro nacional da pessoa jurídica',
  'cadastro nacional de pessoas jurídicas',
  'brazilian company number',
  'brazilian company registration',
  'brasilianische firmennummer',
  "numéro d'entreprise brésilien",
  'número de empresa brasileño',
  'partita iva brasiliana',
  'braziliaans bedrijfsnummer',
  'número de inscrição',
];

export const brCpf: DetectorSpec = {
  id: 'br-cpf',
  entity: 'BR_CPF',
  description: 'Brazilian CPF printed 000.000.000-00 (two mod-11 check digits)',
  minDigits: 11,
  patterns: [
    { name: 'punctuated', regex: wholeNumber('\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}', '.-'), group: 1, score: 0.6, startsAt: firstGroup([3], '.') },
    { name: 'dashed', regex: wholeNumber('\\d{9}-\\d{2}', '.-'), group: 1, score: 0.4, startsAt: firstGroup([9], '-') },
  ],
  context: CPF_CONTEXT,
  validate: validateCpf,
  samples: {
    tp: [
      '529.982.247-25',
      { text: 'CPF do cliente: 418.562.937-00', value: '418.562.937-00' },
      { text: 'Brazilian tax ID 987654321-00 on the contract', value: '987654321-00' },
    ],
    fp: ['CPF: 529.982.247-24 (bad check digit)', 'CPF 111.111.111-11 is a filler', 'CPF 529.982.247-2 is truncated', 'ref 529.982.247-251'],
  },
};

export const brCpfCompact: DetectorSpec = {
  id: 'br-cpf-compact',
  entity: 'BR_CPF',
  description: 'Brazilian CPF written as 11 digits; context required',
  keywords: CPF_CONTEXT,
  minDigits: 11,
  patterns: [{ name: 'bare', regex: '\\d{11}', score: 0.3, startsAt: firstGroup([11]) }],
  context: CPF_CONTEXT,
  contextRequired: true,
  validate: validateCpf,
  samples: {
    tp: [
      { text: 'cpf 30281746508 conferido', value: '30281746508' },
      { text: 'CPF do contribuinte: 12345678909', value: '12345678909' },
    ],
    fp: ['telefone 11987654321', 'pedido 30281746508 enviado', 'CPF 30281746509 (bad check digit)', 'CPF 11111111111'],
  },
};

export const brCnpj: DetectorSpec = {
  id: 'br-cnpj',
  entity: 'BR_CNPJ',
  description: 'Brazilian CNPJ printed 00.000.000/0000-00, incl. the 2026 alphanumeric form (two mod-11 check digits)',
  minDigits: 2,
  patterns: [{ name: 'punctuated', regex: wholeNumber('[0-9A-Z]{2}\\.[0-9A-Z]{3}\\.[0-9A-Z]{3}[/.][0-9A-Z]{4}-\\d{2}', '.-'), group: 1, score: 0.6, startsAt: wordThen(2, '.') }],
  context: CNPJ_CONTEXT,
  validate: validateCnpj,
  samples: {
    tp: [
      '11.222.333/0001-81',
      { text: 'CNPJ: 45.312.087/0001-70 (matriz)', value: '45.312.087/0001-70' },
      { text: 'Novo CNPJ alfanumérico 12.ABC.345/01DE-35 a partir de 2026', value: '12.ABC.345/01DE-35' },
      { text: 'Filial 16.727.230.0001-97', value: '16.727.230.0001-97' },
    ],
    fp: ['CNPJ 11.222.333/0001-82 (bad check digit)', 'CNPJ 00.000.000/0000-00', 'CNPJ 12.ABC.345/01DE-36 has a bad check digit'],
  },
};

export const brCnpjCompact: DetectorSpec = {
  id: 'br-cnpj-compact',
  entity: 'BR_CNPJ',
  description: 'Brazilian CNPJ written as 14 digits; context required',
  keywords: CNPJ_CONTEXT,
  minDigits: 14,
  patterns: [{ name: 'bare', regex: '\\d{14}', score: 0.3, startsAt: firstGroup([14]) }],
  context: CNPJ_CONTEXT,
  contextRequired: true,
  validate: validateCnpj,
  samples: {
    tp: [{ text: 'cnpj 27865757000285 ativo', value: '27865757000285' }],
    fp: ['timestamp 20240115123042 logged', 'pedido 27865757000285 enviado', 'CNPJ 27865757000286 (bad check digit)'],
  },
};
