/**
 * Jurisdictions as data. Kept here, dated, so an update to the EU's adequacy list is a
 * one-line change with a test, never a code change.
 */

export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

/** EEA = EU + Iceland, Liechtenstein, Norway. */
export const EEA_STATES = [...EU_MEMBER_STATES, 'IS', 'LI', 'NO'] as const;

/**
 * Countries with an EU adequacy decision (GDPR Art. 45), as of the date below. The United
 * States' decision covers only recipients certified under the EU-US Data Privacy
 * Framework, so it is conditional on the endpoint declaring that certification.
 */
export const ADEQUACY = {
  asOf: '2025-09-01',
  source: 'European Commission, adequacy decisions (GDPR Art. 45)',
  countries: ['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY'] as readonly string[],
  conditional: { US: 'EU-US-DPF' } as Readonly<Record<string, string>>,
} as const;

/** Hosts of public LLM APIs: an endpoint on one of these is never sovereign. */
export const PUBLIC_LLM_HOSTS = [
  'api.openai.com',
  'api.anthropic.com',
  'generativelanguage.googleapis.com',
  'aiplatform.googleapis.com',
  'api.mistral.ai',
  'api.cohere.ai',
  'api.cohere.com',
  'openai.azure.com',
  'api.groq.com',
  'api.together.xyz',
  'api.together.ai',
  'openrouter.ai',
  'api.deepseek.com',
  'api.x.ai',
  'api.perplexity.ai',
  'api.fireworks.ai',
  'bedrock-runtime.amazonaws.com',
  'api-inference.huggingface.co',
  'router.huggingface.co',
  'inference.ai.azure.com',
  'models.inference.ai.azure.com',
] as const;

export function isPublicLlmHost(host: string): boolean {
  const h = host.toLowerCase();
  return PUBLIC_LLM_HOSTS.some((known) => h === known || h.endsWith(`.${known}`)) || /\.openai\.azure\.com$/.test(h) || /(^|\.)bedrock-runtime\.[a-z0-9-]+\.amazonaws\.com$/.test(h);
}

export type Jurisdiction = string;

/** The member countries a jurisdiction code stands for. */
export function memberCountries(jurisdiction: Jurisdiction): readonly string[] {
  if (jurisdiction === 'EU') return EU_MEMBER_STATES;
  if (jurisdiction === 'EEA') return EEA_STATES;
  return [jurisdiction];
}

export function isEea(jurisdiction: Jurisdiction): boolean {
  return memberCountries(jurisdiction).every((c) => (EEA_STATES as readonly string[]).includes(c));
}

/** Is every country of `jurisdiction` inside `area` (e.g. DE inside EU, EU inside EEA)? */
export function within(jurisdiction: Jurisdiction, area: Jurisdiction): boolean {
  const areaMembers = memberCountries(area);
  return memberCountries(jurisdiction).every((c) => areaMembers.includes(c));
}

/** May personal data of an EEA origin go to this destination without an exception? */
export function gdprTransferAllowed(destination: Jurisdiction, frameworks: readonly string[]): boolean {
  return memberCountries(destination).every((c) => {
    if ((EEA_STATES as readonly string[]).includes(c)) return true;
    if (ADEQUACY.countries.includes(c)) return true;
    const condition = ADEQUACY.conditional[c];
    return condition !== undefined && frameworks.includes(condition);
  });
}

/** Country names as Salesforce records spell them (MailingCountry, BillingCountry), to ISO codes. */
const COUNTRY_NAMES: Record<string, string> = {
  germany: 'DE', deutschland: 'DE', france: 'FR', spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT',
  netherlands: 'NL', 'the netherlands': 'NL', nederland: 'NL', belgium: 'BE', austria: 'AT', österreich: 'AT',
  ireland: 'IE', portugal: 'PT', poland: 'PL', polska: 'PL', sweden: 'SE', denmark: 'DK', finland: 'FI',
  norway: 'NO', iceland: 'IS', liechtenstein: 'LI', switzerland: 'CH', schweiz: 'CH', suisse: 'CH',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', england: 'GB', 'united states': 'US', usa: 'US',
  'united states of america': 'US', us: 'US', canada: 'CA', japan: 'JP', india: 'IN', brazil: 'BR', brasil: 'BR',
  australia: 'AU', china: 'CN', greece: 'GR', czechia: 'CZ', 'czech republic': 'CZ', hungary: 'HU', romania: 'RO',
  bulgaria: 'BG', croatia: 'HR', slovakia: 'SK', slovenia: 'SI', estonia: 'EE', latvia: 'LV', lithuania: 'LT',
  luxembourg: 'LU', malta: 'MT', cyprus: 'CY', israel: 'IL', 'new zealand': 'NZ', 'south korea': 'KR', korea: 'KR',
  argentina: 'AR', uruguay: 'UY', singapore: 'SG', mexico: 'MX', méxico: 'MX',
};

/** An ISO 3166 alpha-2 code (or EU/EEA) from a code or a country name; undefined when unknown. */
export function toJurisdiction(value: string): Jurisdiction | undefined {
  const v = value.trim();
  if (/^(EU|EEA)$/i.test(v)) return v.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase() === 'UK' ? 'GB' : v.toUpperCase();
  return COUNTRY_NAMES[v.toLowerCase()];
}
