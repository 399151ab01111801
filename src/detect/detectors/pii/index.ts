import type { DetectorSpec } from '../../spec.js';
import { contactDetectors } from './contact.js';
import { personalDateDetectors } from './dates.js';
import { personDetectors } from './person.js';
import { usIdentityDetectors } from './us-identity.js';

export const piiDetectors: DetectorSpec[] = [
  ...contactDetectors,
  ...usIdentityDetectors,
  ...personDetectors,
  ...personalDateDetectors,
];
