/**
 * Words that make a place personal: someone lives, was born or receives post there. Whole
 * words or phrases, matched case-insensitively near the value, in EN, DE, FR, ES, IT, NL, PT.
 */
export const RESIDENCE_CONTEXT = [
  // English
  'lives in', 'lives at', 'living in', 'resides in', 'resides at', 'residing in', 'resident of', 'moved to',
  'relocated to', 'from', 'born in', 'hometown', 'home town', 'address', 'home address', 'residence', 'domicile',
  'place of birth', 'birthplace', 'mailing address', 'postal address', 'ship to', 'shipping address',
  'billing address', 'delivery address',
  // German
  'wohnt in', 'wohnt im', 'wohnt am', 'wohnhaft in', 'wohnhaft', 'wohnort', 'wohnsitz', 'adresse', 'anschrift',
  'geboren in', 'geburtsort', 'stammt aus', 'kommt aus', 'zog nach', 'umgezogen nach', 'lieferadresse',
  'rechnungsadresse', 'postanschrift', 'meldeadresse',
  // French
  'habite à', 'habite a', 'habite en', 'habite au', 'réside à', 'résidant à', 'domicilié à', 'domiciliée à',
  'demeurant', 'vit à', 'né à', 'née à', 'lieu de naissance', 'originaire de', "adresse postale", 'adresse de livraison',
  // Spanish
  'vive en', 'reside en', 'residente en', 'domicilio', 'dirección', 'domiciliado en', 'domiciliada en', 'nacido en',
  'nacida en', 'lugar de nacimiento', 'natural de', 'vecino de', 'vecina de', 'dirección postal',
  // Italian
  'vive a', 'vive in', 'abita a', 'abita in', 'risiede a', 'residente a', 'residente in', 'residenza',
  'indirizzo', 'nato a', 'nata a', 'luogo di nascita', 'originario di', 'originaria di',
  // Dutch
  'woont in', 'woont te', 'woonachtig in', 'woonachtig te', 'woonplaats', 'adres', 'woonadres', 'geboren te',
  'geboorteplaats', 'afkomstig uit', 'verhuisd naar', 'postadres',
  // Portuguese
  'mora em', 'mora no', 'mora na', 'vive em', 'reside em', 'residente em', 'morada', 'endereço', 'residência',
  'domicílio', 'nascido em', 'nascida em', 'naturalidade', 'natural do', 'natural da',
];
