import type { DetectorSpec } from '../../spec.js';
import { atDetectors } from './at.js';
import { beDetectors } from './be.js';
import { chDetectors } from './ch.js';
import { deDetectors } from './de.js';
import { esDetectors } from './es.js';
import { frDetectors } from './fr.js';
import { ieDetectors } from './ie.js';
import { itDetectors } from './it.js';
import { nlDetectors } from './nl.js';
import { nordicDetectors } from './nordic.js';
import { plDetectors } from './pl.js';
import { ptDetectors } from './pt.js';
import { ukDetectors } from './uk.js';
import { vatDetectors } from './vat.js';

/** European national, social-security and tax identifiers, and prefixed EU VAT numbers. */
export const nationalEuDetectors: DetectorSpec[] = [
  ...ukDetectors,
  ...deDetectors,
  ...frDetectors,
  ...esDetectors,
  ...itDetectors,
  ...nlDetectors,
  ...beDetectors,
  ...plDetectors,
  ...nordicDetectors,
  ...ptDetectors,
  ...ieDetectors,
  ...atDetectors,
  ...chDetectors,
  ...vatDetectors,
];
