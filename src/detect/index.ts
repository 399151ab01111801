import { DetectionEngine, type EngineOptions } from './engine.js';
import { builtInDetectors } from './registry.js';

export { DetectionEngine } from './engine.js';
export type { DetectorSpec } from './spec.js';
export { builtInDetectors } from './registry.js';

/** The engine with every built-in detector, plus the given customer dictionaries. */
export function createDetectionEngine(options: Omit<EngineOptions, 'detectors'> = {}): DetectionEngine {
  return new DetectionEngine({ ...options, detectors: builtInDetectors });
}
