import { financeDetectors } from './detectors/finance/index.js';
import { healthDetectors } from './detectors/health/index.js';
import { hrDetectors } from './detectors/hr/index.js';
import { locationDetectors } from './detectors/location/index.js';
import { nationalEuDetectors } from './detectors/national-eu/index.js';
import { nationalIntlDetectors } from './detectors/national-intl/index.js';
import { networkDetectors } from './detectors/network/index.js';
import { organizationDetectors } from './detectors/organization/index.js';
import { personalDateTimeDetectors } from './detectors/personal-date/index.js';
import { piiDetectors } from './detectors/pii/index.js';
import { salesforceDetectors } from './detectors/salesforce/index.js';
import { secretsDetectors } from './detectors/secrets/index.js';
import type { DetectorSpec } from './spec.js';

/** Every built-in detector. A new detector is one spec in its family file. */
export const builtInDetectors: readonly DetectorSpec[] = [
  ...piiDetectors,
  ...networkDetectors,
  ...financeDetectors,
  ...secretsDetectors,
  ...salesforceDetectors,
  ...hrDetectors,
  ...nationalEuDetectors,
  ...nationalIntlDetectors,
  ...healthDetectors,
  ...locationDetectors,
  ...organizationDetectors,
  ...personalDateTimeDetectors,
];
