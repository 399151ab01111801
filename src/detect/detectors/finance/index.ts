import type { DetectorSpec } from '../../spec.js';
import { creditCard } from './credit-card.js';
import { bitcoinAddress, ethereumAddress } from './crypto.js';
import { ibanCode } from './iban.js';
import { swiftBic } from './swift-bic.js';
import { usBankAccount, usBankRouting } from './us-bank.js';

export const financeDetectors: DetectorSpec[] = [
  creditCard,
  ibanCode,
  swiftBic,
  usBankRouting,
  usBankAccount,
  bitcoinAddress,
  ethereumAddress,
];
