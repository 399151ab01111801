import { firstWords, wordIn } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { MEDICAL_CONDITION_ABBREVIATIONS, MEDICAL_CONDITIONS, MEDICATIONS } from './medical-terms.js';

/**
 * One RE2 alternation per word list. Longest terms first, so "type 2 diabetes" wins over
 * "diabetes" at the same position; whole-word matching comes from the engine's boundary check
 * (which, unlike RE2's `\b`, knows accented letters).
 */
export function termAlternation(terms: readonly string[]): string {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `(?:${sorted.map(termPattern).join('|')})`;
}

function termPattern(term: string): string {
  return term
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[ -]/g, '[ -]')
    .replace(/'/g, "['’]");
}

/** A condition or drug name says little on its own (pharma sales, news); near a patient word it is health data. */
export const HEALTH_CONTEXT = [
  'patient',
  'patients',
  'diagnosed',
  'diagnosis',
  'prescribed',
  'prescription',
  'treatment',
  'treated',
  'rx',
  'mg',
  'mcg',
  'dose',
  'dosage',
  'medication',
  'history of',
  'suffers from',
  'tablet',
  'tablets',
  'capsules',
  'injection',
  'allergic to',
  'allergy',
  'patientin',
  'diagnostiziert',
  'diagnose',
  'behandlung',
  'behandelt',
  'verordnet',
  'verschrieben',
  'medikament',
  'leidet an',
  'tabletten',
  'allergisch gegen',
  'allergie',
  'patiente',
  'diagnostiqué',
  'diagnostiquée',
  'traitement',
  'prescrit',
  'prescrite',
  'ordonnance',
  'médicament',
  'souffre de',
  'atteint de',
  'atteinte de',
  'comprimés',
  'allergique à',
  'paciente',
  'diagnosticado',
  'diagnosticada',
  'diagnóstico',
  'tratamiento',
  'recetado',
  'receta',
  'medicamento',
  'padece',
  'sufre de',
  'comprimidos',
  'alérgico a',
  'alergia',
  'paziente',
  'diagnosticato',
  'diagnosticata',
  'diagnosi',
  'terapia',
  'prescritto',
  'prescritta',
  'ricetta',
  'farmaco',
  'soffre di',
  'affetto da',
  'affetta da',
  'compresse',
  'allergico a',
  'allergia',
  'patiënt',
  'patiënte',
  'gediagnosticeerd',
  'behandeling',
  'voorgeschreven',
  'medicijn',
  'medicatie',
  'lijdt aan',
  'doente',
  'tratamento',
  'receitado',
  'receita',
  'prescrito',
  'sofre de',
];

export const medicalCondition: DetectorSpec = {
  id: 'medical-condition',
  entity: 'MEDICAL_CONDITION',
  description: 'Common diagnosis names in seven languages near a patient or treatment word',
  keywords: HEALTH_CONTEXT,
  patterns: [
    { name: 'terms', regex: termAlternation(MEDICAL_CONDITIONS), score: 0.5, flags: 'i', startsAt: wordIn(firstWords(MEDICAL_CONDITIONS)) },
    { name: 'abbreviations', regex: termAlternation(MEDICAL_CONDITION_ABBREVIATIONS), score: 0.5 },
  ],
  context: HEALTH_CONTEXT,
  contextRequired: true,
  samples: {
    tp: [
      { text: 'Patient was diagnosed with type 2 diabetes in 2019.', value: 'type 2 diabetes' },
      { text: 'Der Patient leidet an Bluthochdruck und Asthma.', value: 'Bluthochdruck' },
      { text: 'La patiente est atteinte de sclérose en plaques.', value: 'sclérose en plaques' },
      { text: 'Paciente con depresión, en tratamiento desde marzo.', value: 'depresión' },
      { text: 'Il paziente è HIV positivo.', value: 'HIV' },
      { text: "Patient has a history of Alzheimer's disease.", value: "Alzheimer's disease" },
      { text: 'Doente com insuficiência cardíaca, receita renovada.', value: 'insuficiência cardíaca' },
    ],
    fp: [
      'The Great Depression hit the markets in 1929.',
      'Patient satisfaction survey: hearing aids were praised.',
      'Patient paid CHF 200 by card.',
      'Quarterly oncology campaign: cancer awareness month.',
      'The patient is prediabetic but fine.',
    ],
  },
};

export const medication: DetectorSpec = {
  id: 'medication',
  entity: 'MEDICATION',
  description: 'Common medication names (generic and brand) in seven languages near a patient or prescription word',
  keywords: HEALTH_CONTEXT,
  patterns: [{ name: 'terms', regex: termAlternation(MEDICATIONS), score: 0.5, flags: 'i', startsAt: wordIn(firstWords(MEDICATIONS)) }],
  context: HEALTH_CONTEXT,
  contextRequired: true,
  samples: {
    tp: [
      { text: 'Prescribed metformin 500 mg twice daily.', value: 'metformin' },
      { text: 'Patient switched from Zoloft to sertraline generic.', value: 'Zoloft' },
      { text: 'Dem Patienten wurde Ibuprofen verordnet.', value: 'Ibuprofen' },
      { text: 'Traitement : atorvastatine 20 mg le soir.', value: 'atorvastatine' },
      { text: 'El paciente toma insulina cada mañana.', value: 'insulina' },
      { text: 'Medicatie: omeprazol 40 mg.', value: 'omeprazol' },
      { text: 'Patient is allergic to penicillin.', value: 'penicillin' },
    ],
    fp: [
      'Bayer announced a new Aspirin campaign for Q3.',
      'Lithium battery shipment delayed.',
      'Patient portal password reset.',
      'Prescribed reading: the insulinoma review article.',
    ],
  },
};
