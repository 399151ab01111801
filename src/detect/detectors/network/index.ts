import { isIPv4, isIPv6 } from 'node:net';
import { firstGroup, wordThen, type StartsAt } from '../../anchors.js';

const HEX_WORD = /^[0-9A-Fa-f]+$/;
import type { DetectorSpec, Validation } from '../../spec.js';

function validateIpv4(value: string): Validation {
  if (!isIPv4(value)) return 'reject';
  const octets = value.split('.').map(Number);
  // 0.x.x.x and version-like strings such as 1.0.0.0 are not addresses anyone leaks
  if (octets[0] === 0 || octets.every((o, i) => i === 0 || o === 0)) return 'reject';
  return undefined;
}

function validateIpv6(value: string): Validation {
  if (!isIPv6(value)) return 'reject';
  // at least three groups of hex, so times like 12:30:45 and "::" alone never count
  const groups = value.split(':').filter((g) => g.length > 0);
  return groups.length >= 3 || value.includes('.') ? 'confirm' : 'reject';
}

function validateMac(value: string): Validation {
  const hex = value.replace(/[^0-9a-f]/gi, '').toLowerCase();
  if (/^0+$/.test(hex) || /^f+$/.test(hex)) return 'reject';
  return undefined;
}

/** A word of 1–4 hex digits right before a colon: where a written-out IPv6 address opens. */
const isHexGroupThenColon = (text: string, start: number, end: number): boolean =>
  end - start <= 4 && text.charCodeAt(end) === 58 && HEX_WORD.test(text.slice(start, end));
const hexGroupThenColon: StartsAt = Object.assign(isHexGroupThenColon, {
  index: { lengths: [1, 2, 3, 4], followedBy: ':', filter: isHexGroupThenColon },
});

export const networkDetectors: DetectorSpec[] = [
  {
    id: 'url',
    entity: 'URL',
    description: 'http(s) and www. URLs, without trailing punctuation.',
    keywords: ['http', 'www.'],
    patterns: [
      {
        name: 'scheme',
        regex: '(?i:https?)://[^\\s<>"\'`{}|\\\\^]*[^\\s<>"\'`{}|\\\\^.,;:!?)\\]]',
        score: 0.6,
      },
      { name: 'www', regex: '(?i:www)\\.[A-Za-z0-9\\-]{1,63}(?:\\.[A-Za-z0-9\\-]{1,63}){1,6}(?:/[^\\s<>"\'`]*[^\\s<>"\'`.,;:!?)\\]])?', score: 0.5 },
    ],
    context: ['url', 'link', 'website', 'site', 'webseite', 'lien', 'site web', 'enlace', 'sitio web', 'collegamento', 'sito', 'koppeling', 'webpagina', 'ligação', 'página'],
    boundary: 'alnum',
    samples: {
      tp: [
        'https://portal.example.com/cases/5003000000D8cuI?view=full',
        { text: 'See (https://example.org/a/b).', value: 'https://example.org/a/b' },
        { text: 'visit www.acme-health.de/patients, then', value: 'www.acme-health.de/patients' },
      ],
      fp: ['the http protocol', 'www dot com', 'https:// alone'],
    },
  },
  {
    id: 'ipv4',
    entity: 'IP_ADDRESS',
    description: 'IPv4 addresses in dotted-quad form.',
    keywords: ['.'],
    minDigits: 4,
    // {3,} takes in a longer dotted run whole, so 1.2.3.4.5 is rejected rather than cut short
    patterns: [{ name: 'dotted', regex: '(?:\\d{1,3}\\.){3,}\\d{1,3}', score: 0.6, startsAt: firstGroup([1, 2, 3], '.') }],
    context: ['ip', 'ip address', 'host', 'server', 'client ip', 'address', 'ip-adresse', 'adresse ip', 'dirección ip', 'indirizzo ip', 'ip-adres', 'endereço ip', 'serveur', 'servidor', 'rechner'],
    validate: validateIpv4,
    boundary: 'alnum',
    samples: {
      tp: ['192.168.10.42', { text: 'login from 203.0.113.7 at 09:14', value: '203.0.113.7' }],
      fp: ['version 1.2.3', 'price 999.999.999.999', 'release 1.0.0.0', 'value 10.20.30.40.50'],
    },
  },
  {
    id: 'ipv6',
    entity: 'IP_ADDRESS',
    description: 'IPv6 addresses, full, compressed and IPv4-mapped.',
    keywords: [':'],
    patterns: [
      {
        // anchored: an address that opens with a group opens with a word of 1-4 hex digits and a colon
        name: 'colon-hex',
        regex: '[0-9A-Fa-f]{1,4}:(?:[0-9A-Fa-f]{0,4}:){1,6}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4})?',
        score: 0.6,
        startsAt: hexGroupThenColon,
      },
      {
        // "::1", "::ffff:10.0.0.1": opens with the colon (V8 finds those fast)
        name: 'leading-colons',
        regex: ':(?:[0-9A-Fa-f]{0,4}:){1,6}(?:(?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{1,4})?',
        score: 0.6,
      },
    ],
    context: ['ip', 'ipv6', 'address', 'host', 'ip-adresse', 'adresse ip', 'dirección ip', 'indirizzo ip', 'ip-adres', 'endereço ip'],
    validate: validateIpv6,
    boundary: 'alnum',
    samples: {
      tp: [
        '2001:db8:85a3::8a2e:370:7334',
        { text: 'peer fe80::1ff:fe23:4567:890a connected', value: 'fe80::1ff:fe23:4567:890a' },
        '2001:0db8:0000:0000:0000:ff00:0042:8329',
      ],
      fp: ['meeting at 12:30:45', 'ratio 3:2', 'MAC 00:1A:2B:3C:4D:5E', 'the :: operator'],
    },
  },
  {
    id: 'mac-address',
    entity: 'MAC_ADDRESS',
    description: 'EUI-48 hardware addresses (colon, dash and Cisco dotted forms).',
    keywords: [':', '-', '.'],
    patterns: [
      // anchored: a MAC opens with a word of two (or, Cisco-style, four) hex digits and its separator
      { name: 'colon', regex: '[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}', score: 0.6, startsAt: wordThen(2, ':') },
      { name: 'dash', regex: '[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}', score: 0.6, startsAt: wordThen(2, '-') },
      { name: 'cisco', regex: '[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}', score: 0.5, startsAt: wordThen(4, '.') },
    ],
    context: ['mac', 'mac address', 'hardware address', 'ethernet', 'wifi', 'device', 'mac-adresse', 'adresse mac', 'dirección mac', 'indirizzo mac', 'mac-adres', 'endereço mac', 'gerät', 'appareil', 'dispositivo', 'apparaat'],
    validate: validateMac,
    samples: {
      tp: ['00:1A:2B:3C:4D:5E', { text: 'device mac 3c-22-fb-a1-07-9e seen', value: '3c-22-fb-a1-07-9e' }, '0050.56c0.0001'],
      fp: ['ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00', '12:30:45', 'ab-cd-ef'],
    },
  },
];
