/**
 * Postcode formats per country, as printed in addresses. `regex` is RE2 syntax that is also
 * valid JavaScript with the `u` flag (the street validator reuses it); `placement` says
 * whether the postcode stands before the city (most of Europe, Latin America) or after it
 * (UK, North America, Ireland, most of Asia-Pacific).
 */
export interface PostcodeFormat {
  regex: string;
  placement: 'before-city' | 'after-city';
  /** a random well-formed postcode in its usual printed form */
  sample: (rand: () => number) => string;
}

const digits = (rand: () => number, n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(rand() * 10))).join('');
const oneOf = (rand: () => number, chars: string): string => chars[Math.floor(rand() * chars.length)] as string;
/** a number with no leading zero */
const leading = (rand: () => number, n: number): string => String(1 + Math.floor(rand() * 9)) + digits(rand, n - 1);

/** UK inward codes never use C, I, K, M, O, V. */
const UK_INWARD = 'ABDEFGHJLNPQRSTUWXYZ';
const UK_AREAS = ['SW', 'SE', 'EC', 'WC', 'W', 'N', 'E', 'NW', 'M', 'B', 'LS', 'G', 'EH', 'BS', 'L', 'CF', 'BT', 'NE', 'OX', 'CB'];
const CA_FIRST = 'ABCEGHJKLMNPRSTVXY';
const CA_OTHER = 'ABCEGHJKLMNPRSTVWXYZ';
const EIR_CHARS = 'ACDEFHKNPRTVWXY';
const EIR_ROUTING = ['A65', 'D02', 'D04', 'D08', 'D15', 'T12', 'H91', 'V94', 'F92', 'K78', 'R95', 'X91', 'Y35', 'W23', 'N37', 'P31'];
/** NL postcodes skip the letter pairs SA, SD and SS. */
const NL_BANNED = new Set(['SA', 'SD', 'SS']);

/**
 * Each shape ends on a word boundary: one shape can be the start of another (the UK "X91 9HA"
 * begins the Eircode "X91 9HAH"), and a match that stops inside a word is dropped whole.
 */
export const UK_POSTCODE = '[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]?\\d[ABD-HJLNP-UW-Z]{2}\\b';
export const CA_POSTCODE = '[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z][ \\t]?\\d[ABCEGHJ-NPRSTV-Z]\\d\\b';
export const EIRCODE = '(?:[AC-FHKNPRTV-Y]\\d{2}|D6W)[ \\t]?[0-9AC-FHKNPRTV-Y]{4}\\b';
export const US_ZIP = '\\d{5}(?:-\\d{4})?\\b';

export const POSTCODE_FORMATS: Readonly<Record<string, PostcodeFormat>> = {
  US: { regex: US_ZIP, placement: 'after-city', sample: (r) => (r() < 0.2 ? `${digits(r, 5)}-${digits(r, 4)}` : digits(r, 5)) },
  GB: {
    regex: UK_POSTCODE,
    placement: 'after-city',
    sample: (r) => `${UK_AREAS[Math.floor(r() * UK_AREAS.length)]}${1 + Math.floor(r() * 19)} ${digits(r, 1)}${oneOf(r, UK_INWARD)}${oneOf(r, UK_INWARD)}`,
  },
  CA: {
    regex: CA_POSTCODE,
    placement: 'after-city',
    sample: (r) => `${oneOf(r, CA_FIRST)}${digits(r, 1)}${oneOf(r, CA_OTHER)} ${digits(r, 1)}${oneOf(r, CA_OTHER)}${digits(r, 1)}`,
  },
  IE: {
    regex: EIRCODE,
    placement: 'after-city',
    sample: (r) => `${EIR_ROUTING[Math.floor(r() * EIR_ROUTING.length)]} ${Array.from({ length: 4 }, () => oneOf(r, `0123456789${EIR_CHARS}`)).join('')}`,
  },
  AU: { regex: '\\d{4}', placement: 'after-city', sample: (r) => leading(r, 4) },
  NZ: { regex: '\\d{4}', placement: 'after-city', sample: (r) => leading(r, 4) },
  IN: { regex: '\\d{6}', placement: 'after-city', sample: (r) => leading(r, 6) },
  SG: { regex: '\\d{6}', placement: 'after-city', sample: (r) => `0${digits(r, 5)}` },
  CN: { regex: '\\d{6}', placement: 'after-city', sample: (r) => `${leading(r, 2)}0000` },
  JP: { regex: '\\d{3}-\\d{4}', placement: 'after-city', sample: (r) => `${leading(r, 3)}-${digits(r, 4)}` },
  KR: { regex: '\\d{5}', placement: 'after-city', sample: (r) => `0${digits(r, 4)}` },
  TH: { regex: '\\d{5}', placement: 'after-city', sample: (r) => `10${digits(r, 3)}` },
  DE: { regex: '\\d{5}', placement: 'before-city', sample: (r) => digits(r, 5) },
  FR: { regex: '\\d{5}', placement: 'before-city', sample: (r) => `${leading(r, 2)}${digits(r, 3)}` },
  ES: { regex: '\\d{5}', placement: 'before-city', sample: (r) => `${String(1 + Math.floor(r() * 52)).padStart(2, '0')}${digits(r, 3)}` },
  IT: { regex: '\\d{5}', placement: 'before-city', sample: (r) => digits(r, 5) },
  FI: { regex: '\\d{5}', placement: 'before-city', sample: (r) => `00${digits(r, 3)}` },
  MX: { regex: '\\d{5}', placement: 'before-city', sample: (r) => digits(r, 5) },
  MY: { regex: '\\d{5}', placement: 'before-city', sample: (r) => `5${digits(r, 4)}` },
  NL: {
    regex: '[1-9]\\d{3}[ \\t]?[A-Z]{2}',
    placement: 'before-city',
    sample: (r) => {
      let letters = 'SA';
      while (NL_BANNED.has(letters)) letters = `${oneOf(r, 'ABCDEFGHJKLMNPRSTVWXZ')}${oneOf(r, 'ABCDEFGHJKLMNPRSTVWXZ')}`;
      return `${leading(r, 4)} ${letters}`;
    },
  },
  BE: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  AT: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  CH: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  DK: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  NO: { regex: '\\d{4}', placement: 'before-city', sample: (r) => digits(r, 4) },
  LU: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  HU: { regex: '\\d{4}', placement: 'before-city', sample: (r) => leading(r, 4) },
  PT: { regex: '\\d{4}-\\d{3}', placement: 'before-city', sample: (r) => `${leading(r, 4)}-${digits(r, 3)}` },
  PL: { regex: '\\d{2}-\\d{3}', placement: 'before-city', sample: (r) => `${digits(r, 2)}-${digits(r, 3)}` },
  SE: { regex: '\\d{3}[ \\t]\\d{2}', placement: 'before-city', sample: (r) => `${leading(r, 3)} ${digits(r, 2)}` },
  CZ: { regex: '\\d{3}[ \\t]\\d{2}', placement: 'before-city', sample: (r) => `${leading(r, 3)} ${digits(r, 2)}` },
  SK: { regex: '\\d{3}[ \\t]\\d{2}', placement: 'before-city', sample: (r) => `${leading(r, 3)} ${digits(r, 2)}` },
  GR: { regex: '\\d{3}[ \\t]\\d{2}', placement: 'before-city', sample: (r) => `${leading(r, 3)} ${digits(r, 2)}` },
  BR: { regex: '\\d{5}-\\d{3}', placement: 'before-city', sample: (r) => `${digits(r, 5)}-${digits(r, 3)}` },
};

/** US states and territories, Canadian provinces, Australian states: written between city and postcode. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR',
] as const;
export const CA_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export const AU_STATES = ['NSW', 'VIC', 'QLD', 'WA', 'SA', 'TAS', 'ACT', 'NT'] as const;
/** Brazilian states (UF), written after the city: "São Paulo - SP". */
export const BR_STATES = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA', 'PB', 'PR', 'PE', 'PI', 'RJ', 'RN',
  'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const;
