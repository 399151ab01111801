import type { StartsAt } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { shannonEntropy } from '../../entropy.js';
import { bitcoinBase58AddressValid } from '../../validators/base58check.js';
import { segwitAddressValid } from '../../validators/bech32.js';
import { ethAddressChecksum } from '../../validators/eth-address.js';

const CRYPTO_CONTEXT = ['wallet', 'address', 'crypto', 'send', 'deposit', 'withdrawal', 'payout', 'krypto', 'adresse'];

function validateBitcoin(value: string): Validation {
  const valid = /^bc1/i.test(value) ? segwitAddressValid(value) : bitcoinBase58AddressValid(value);
  return valid ? 'confirm' : 'reject';
}

/**
 * An address is a whole word (letters and digits only): "1…" or "3…" of 25–34 characters,
 * or "bc1…" of 11–90.
 */
const bitcoinWord = (text: string, start: number, end: number): boolean => {
  const length = end - start;
  const c = text.charCodeAt(start);
  if (c === 49 || c === 51) return length >= 25 && length <= 34;
  return (
    length >= 11 &&
    length <= 90 &&
    (c | 32) === 98 &&
    (text.charCodeAt(start + 1) | 32) === 99 &&
    text.charCodeAt(start + 2) === 49
  );
};
const opensBitcoinAddress: StartsAt = Object.assign(bitcoinWord, {
  index: {
    digitLengths: Array.from({ length: 10 }, (_, i) => 25 + i),
    lengths: Array.from({ length: 80 }, (_, i) => 11 + i),
    filter: bitcoinWord,
  },
});

export const bitcoinAddress: DetectorSpec = {
  id: 'bitcoin-address',
  entity: 'CRYPTO',
  description: 'Bitcoin mainnet address: legacy/P2SH Base58Check (1…, 3…) or SegWit Bech32/Bech32m (bc1…), checksum-verified',
  // One scan for both forms. Bech32 may be all upper-case (QR codes), so its classes list
  // both cases and the validator rejects mixed case.
  patterns: [
    {
      name: 'address',
      regex: '[13][1-9A-HJ-NP-Za-km-z]{24,33}|[bB][cC]1[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87}',
      score: 0.5,
      startsAt: opensBitcoinAddress,
    },
  ],
  context: ['bitcoin', 'btc', ...CRYPTO_CONTEXT],
  validate: validateBitcoin,
  samples: {
    tp: [
      '1HcEQf8Dwqj5eWczj1NnkvqgyV6MMcZXfU',
      '3DRDrDxUy3YrXyyCKPaQYCopRhtyZuRGK9',
      'bc1qupewlfkuz67dprsmuhy8q7d2064cf8js08ndas',
      {
        text: 'Send the refund to BTC wallet 1AS83WY8d8tw6zHTzpeqyTvYbtecgsQuZ4 please',
        value: '1AS83WY8d8tw6zHTzpeqyTvYbtecgsQuZ4',
      },
      {
        text: 'Taproot payout: bc1pf9hkz68q27xldxucuc53pccwt9m8mpnv6mlqf4hz6qp8tx24u0assczsru.',
        value: 'bc1pf9hkz68q27xldxucuc53pccwt9m8mpnv6mlqf4hz6qp8tx24u0assczsru',
      },
      { text: 'QR: BC1QUPEWLFKUZ67DPRSMUHY8Q7D2064CF8JS08NDAS', value: 'BC1QUPEWLFKUZ67DPRSMUHY8Q7D2064CF8JS08NDAS' },
    ],
    fp: [
      'wallet 1HcEQf8Dwqj5eWczj1NnkvqgyV6MMcZXfV (last character changed)',
      'bc1qupewlfkuz67dprsmuhy8q7d2064cf8js08ndaz has a bad checksum',
      'Bc1qupewlfkuz67dprsmuhy8q7d2064cf8js08ndas mixes case',
      'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx is a testnet address',
      'Tracking 1Z999AA10123456784 via UPS',
      'Batch 3141592653589793238462643383 of digits',
      'mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn is a testnet address',
    ],
  },
};

/** Random 40-hex has about 3.8 bits per character; zero-ish or patterned values fall far below. */
const MIN_HEX_ENTROPY = 3;

function validateEthereum(value: string): Validation {
  switch (ethAddressChecksum(value)) {
    case 'valid':
      return 'confirm';
    case 'unchecked':
      return shannonEntropy(value.slice(2).toLowerCase()) >= MIN_HEX_ENTROPY ? undefined : 'reject';
    default:
      return 'reject';
  }
}

export const ethereumAddress: DetectorSpec = {
  id: 'ethereum-address',
  entity: 'CRYPTO',
  description: 'Ethereum (EVM) address: 0x + 40 hex digits, EIP-55 checksum verified when mixed-case',
  patterns: [{ name: 'hex', regex: '0x[0-9a-fA-F]{40}', score: 0.6 }],
  keywords: ['0x'],
  context: ['eth', 'ether', 'ethereum', 'erc20', 'erc-20', 'usdt', 'usdc', 'metamask', ...CRYPTO_CONTEXT],
  validate: validateEthereum,
  samples: {
    tp: [
      '0x3D88D2fA4970189726aA0029eEbd1385c449Cae7',
      { text: 'ETH wallet: 0x8B2b93d708Ee3F6CA1672e2322a14093e6EF98c2', value: '0x8B2b93d708Ee3F6CA1672e2322a14093e6EF98c2' },
      {
        text: 'deposit address 0xfb09e1d1b217ac72279732f5cf46476f97588b96 (lower-case)',
        value: '0xfb09e1d1b217ac72279732f5cf46476f97588b96',
      },
      { text: 'USDC to 0xFB09E1D1B217AC72279732F5CF46476F97588B96', value: '0xFB09E1D1B217AC72279732F5CF46476F97588B96' },
    ],
    fp: [
      'ETH wallet 0x3D88D2fA4970189726aA0029eEbd1385c449CaE7 has a bad checksum',
      '0x0000000000000000000000000000000000000000 is the burn address',
      'tx 0x3d88d2fa4970189726aa0029eebd1385c449cae7aa00112233445566778899aa is a hash',
      '0x3d88d2fa4970189726aa0029eebd1385c449ca is too short',
      'color 0xFFAA00 and mask 0xDEADBEEF',
    ],
  },
};
