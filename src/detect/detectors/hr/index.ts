import type { DetectorSpec } from '../../spec.js';
import { compensationDetectors } from './compensation.js';
import { performanceRatingDetectors } from './performance-rating.js';

export const hrDetectors: DetectorSpec[] = [...compensationDetectors, ...performanceRatingDetectors];
