/**
 * Random company names with a legal form, as printed in each legal system, for the labelled
 * evaluation corpus. Names are invented from common surname and industry words.
 */

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const NAME_WORDS = [
  'Acme', 'Nordwind', 'Brightwave', 'Solaris', 'Vega', 'Kowalski', 'Rossi', 'Dupont', 'García', 'Müller', 'Schneider', 'Fjord',
  'Atlas', 'Orion', 'Helios', 'Bergmann', 'Lindqvist', 'Novák', 'Horváth', 'Silva', 'Costa', 'Moreau', 'Bianchi', 'Janssen',
  'Nakamura', 'Greenfield', 'Blue Harbor', 'Alpenblick', 'Rheinland', 'Iberia', 'Adriatica', 'Polaris', 'Everest', 'Kestrel',
];
const INDUSTRY_WORDS = [
  'Logistik', 'Health', 'Analytics', 'Consulting', 'Systems', 'Technologies', 'Energie', 'Bau', 'Costruzioni', 'Servicios',
  'Transportes', 'Industrie', 'Software', 'Capital', 'Foods', 'Pharma', 'Solutions', 'Medical', 'Partners', 'Logistics',
  'Immobilien', 'Maschinenbau', 'Ingeniería', 'Tecnologia', 'Bouw', 'Installatietechniek', 'Shipping', 'Retail',
];
/** Legal forms by legal system; a few (SE, AB, AS, SAS, SL) need a company word nearby to be found. */
const FORMS: Record<string, readonly string[]> = {
  DE: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'SE', 'e.K.', 'UG (haftungsbeschränkt)', 'gGmbH'],
  AT: ['GmbH', 'AG', 'Ges.m.b.H.'],
  CH: ['AG', 'GmbH', 'Sàrl', 'SA'],
  FR: ['SARL', 'S.A.S.', 'SAS', 'SA', 'S.A.', 'EURL', 'SASU'],
  ES: ['S.L.', 'S.A.', 'SL', 'S.L.U.'],
  IT: ['S.r.l.', 'S.p.A.', 'Srl', 'SpA', 'S.n.c.'],
  NL: ['B.V.', 'N.V.', 'BV'],
  BE: ['NV', 'BV', 'SRL', 'SA'],
  GB: ['Ltd', 'Ltd.', 'Limited', 'PLC', 'plc', 'LLP'],
  US: ['Inc.', 'Inc', 'LLC', 'Corp.', 'Corporation', 'L.P.'],
  NORDIC: ['Oy', 'Oyj', 'AB', 'A/S', 'ApS', 'AS', 'ASA'],
  PL: ['Sp. z o.o.', 'S.A.'],
  CZ: ['s.r.o.', 'a.s.'],
  HU: ['Kft.', 'Zrt.'],
  PT: ['Lda.', 'S.A.'],
  BR: ['Ltda.', 'S/A'],
  MX: ['S.A. de C.V.', 'S. de R.L. de C.V.'],
  APAC: ['Pty Ltd', 'Pte. Ltd.', 'Co., Ltd.', 'Pvt. Ltd.', 'Sdn. Bhd.', 'K.K.'],
};

function companyName(rand: Rand): string {
  const form = pick(rand, FORMS[pick(rand, Object.keys(FORMS))] as readonly string[]);
  const words = [pick(rand, NAME_WORDS)];
  const shape = rand();
  if (shape < 0.6) words.push(pick(rand, INDUSTRY_WORDS));
  else if (shape < 0.75) words.push('&', pick(rand, NAME_WORDS));
  // Spanish and Latin American names often set the form off with a comma
  const comma = /^S\.(?:A|L)\b/.test(form) && rand() < 0.3 ? ',' : '';
  return `${words.join(' ')}${comma} ${form}`;
}

export const generators: Record<string, (rand: () => number) => string> = {
  ORGANIZATION: companyName,
};
