import { Classifier } from '../../src/classify/classifier.js';
import { createDetectionEngine } from '../../src/detect/index.js';
import type { Analysis } from '../../src/transform/sanitizer.js';
import { Sanitizer } from '../../src/transform/sanitizer.js';
import { defaultTransformPolicy } from '../../src/transform/transform-policy.js';
import type { PseudonymVault } from '../../src/transform/vault.js';
import { seededRandom } from '../../src/core/clock.js';

const engine = createDetectionEngine({ fingerprintKey: Buffer.alloc(32, 1) });
const unusedVault: PseudonymVault = {
  pseudonymsFor: () => Promise.reject(new Error('analysis only')),
  entries: () => Promise.reject(new Error('analysis only')),
  purgeExpired: () => Promise.resolve(0),
};
const analyzer = new Sanitizer({
  engine,
  classifier: new Classifier(),
  policy: defaultTransformPolicy(),
  vault: unusedVault,
  crypto: undefined as never,
  random: seededRandom(1),
});

/** Detection and classification of a payload, for decision tests (no keys, no vault). */
export function analyze(payload: string | object): Analysis {
  return analyzer.analyze(typeof payload === 'string' ? payload : JSON.stringify(payload));
}
