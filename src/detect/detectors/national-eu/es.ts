import { digitGroups } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { esCifValid, esDniValid, esNieValid } from '../../validators/check-letter.js';
import { checksum, compactOf, letterLed, standalone } from './shared.js';

const DNI_CONTEXT = [
  'dni', 'd.n.i.', 'documento nacional de identidad', 'nif', 'número de identificación fiscal', 'número de documento',
  'spanish id', 'spanish national identity card', 'national identity card', 'spanische Ausweisnummer', 'Personalausweis',
  "carte d'identité", "carte nationale d'identité espagnole", "carta d'identità", 'documento di identità spagnolo',
  'identiteitskaart', 'Spaans identiteitsnummer', 'bilhete de identidade', 'documento de identificação',
];

const NIE_CONTEXT = [
  'nie', 'n.i.e.', 'número de identidad de extranjero', 'número de identificación de extranjero', 'tarjeta de residencia',
  'foreigner identity number', 'foreigner identification number', 'spanish residence number', 'Ausländer-Identifikationsnummer',
  'Ausländeridentifikationsnummer', "numéro d'identité d'étranger", "numéro d'identification d'étranger",
  'numero di identità per stranieri', 'numero di identificazione straniero', 'vreemdelingennummer',
  'número de identificação de estrangeiro', 'nif',
];

const CIF_CONTEXT = [
  'cif', 'c.i.f.', 'código de identificación fiscal', 'nif', 'número de identificación fiscal', 'cif/nif', 'nif/cif',
  'spanish company tax id', 'company tax id', 'spanische Steuernummer', 'Steuernummer', "numéro d'identification fiscale",
  'codice fiscale spagnolo', 'codice di identificazione fiscale', 'fiscaal nummer', 'número de identificação fiscal',
  'número de identificação de pessoa coletiva',
];

export const esDetectors: DetectorSpec[] = [
  {
    id: 'es-dni',
    entity: 'ES_DNI',
    description: 'Spanish DNI: 8 digits and the mod-23 check letter, compact, dashed, spaced or dotted (12.345.678-Z).',
    minDigits: 8,
    patterns: [{ name: 'dni', ...standalone('\\d{2}\\.?\\d{3}\\.?\\d{3}[ -]?[A-Z]', digitGroups([[2, '.'], [5, '.'], [8, ' -', false], [9, '']])), score: 0.5 }],
    context: DNI_CONTEXT,
    validate: (value) => checksum(esDniValid(compactOf(value))),
    samples: {
      tp: [
        '12345678Z',
        { text: 'DNI: 56.796.739-X', value: '56.796.739-X' },
        { text: 'El cliente presentó su DNI 20782020-W en la oficina.', value: '20782020-W' },
        { text: 'NIF 85908596P (titular)', value: '85908596P' },
      ],
      fp: ['DNI: 12345678A', 'DNI 1234567Z', 'DNI 56.796.739-Y', 'Invoice 20240115 A paid', 'ref 123456789Z'],
    },
  },
  {
    id: 'es-nie',
    entity: 'ES_NIE',
    description: 'Spanish NIE (foreigner identity number): X, Y or Z, 7 digits and the mod-23 check letter.',
    minDigits: 7,
    patterns: [{ name: 'nie', ...standalone('[XYZ][ -]?\\d{7}[ -]?[A-Z]', letterLed('XYZ', [1, 8, 9])), score: 0.5 }],
    context: NIE_CONTEXT,
    validate: (value) => checksum(esNieValid(compactOf(value))),
    samples: {
      tp: [
        'X1234567L',
        { text: 'NIE: Y-5116778-M', value: 'Y-5116778-M' },
        { text: 'Tarjeta de residencia con NIE Z8196058J vigente', value: 'Z8196058J' },
      ],
      fp: ['NIE: X1234567M', 'NIE Y-5116778-N', 'NIE X123456L', 'Model X1234567 is new', 'NIE W1234567L'],
    },
  },
  {
    id: 'es-cif',
    entity: 'ES_CIF',
    description:
      'Spanish CIF (company tax code): entity-type letter, 7 digits and a control digit or letter; context required since the shape is common and one in ten passes.',
    keywords: CIF_CONTEXT,
    minDigits: 7,
    patterns: [{ name: 'cif', ...standalone('[ABCDEFGHJNPQRSUVW][ -]?\\d{7}[ -]?[0-9A-J]', letterLed('ABCDEFGHJNPQRSUVW', [1, 8, 9])), score: 0.5 }],
    context: CIF_CONTEXT,
    contextRequired: true,
    validate: (value) => checksum(esCifValid(compactOf(value))),
    samples: {
      tp: [
        { text: 'CIF: B15770795', value: 'B15770795' },
        { text: 'Razón social Ejemplo S.L., CIF B-19428655', value: 'B-19428655' },
        { text: 'NIF de la asociación: R4147220J', value: 'R4147220J' },
        { text: 'Spanish company tax id A60704327 on the invoice', value: 'A60704327' },
      ],
      fp: ['CIF: B15770796', 'CIF R41472201', 'CIF A6070432J', 'Serial B15770795 in stock', 'CIF: B1577079'],
    },
  },
];
