import type { DetectorSpec } from '../../spec.js';
import { aiProviderDetectors } from './ai-providers.js';
import { airlockDetectors } from './airlock.js';
import { cloudDetectors } from './cloud.js';
import { commerceDetectors } from './commerce.js';
import { connectionStringDetectors } from './connection-strings.js';
import { cryptoMaterialDetectors } from './crypto-material.js';
import { devPlatformDetectors } from './dev-platforms.js';
import { genericDetectors } from './generic.js';
import { messagingDetectors } from './messaging.js';

/** Credentials: provider API keys and tokens, key material, connection strings, generic secrets. */
export const secretsDetectors: DetectorSpec[] = [
  ...airlockDetectors,
  ...aiProviderDetectors,
  ...cloudDetectors,
  ...devPlatformDetectors,
  ...messagingDetectors,
  ...commerceDetectors,
  ...cryptoMaterialDetectors,
  ...connectionStringDetectors,
  ...genericDetectors,
];
