import type { DetectorSpec } from '../../spec.js';
import { locationDetectors as postcodeAndGazetteer } from './location.js';
import { streetAddressDetectors } from './street-address.js';

/** STREET_ADDRESS (street lines and whole address blocks) and LOCATION (postcode + city, gazetteer places). */
export const locationDetectors: DetectorSpec[] = [...streetAddressDetectors, ...postcodeAndGazetteer];
