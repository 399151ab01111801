/**
 * The labelled evaluation: a seeded synthetic set of CRM notes, case descriptions, HR
 * reviews, patient messages and invoices in seven languages, every sensitive value labelled
 * with its entity and span. Reports precision, recall and F2 per entity and overall.
 *
 * Two sources, both reproducible:
 * - the CRM corpus of bench/corpus.ts (whole records with several entities each), and
 * - per-entity sentences: each detector family's generator makes valid values, embedded in
 *   templates that use that detector's own context words in the language of the template.
 *
 * Scoring: a finding matches a label when the entity is the same and the spans overlap; a
 * label without a match is a false negative, a finding without one a false positive. A
 * source is only scored on the entities it labels (the CRM corpus does not label, say,
 * organisations, so findings of those there are neither right nor wrong).
 */
import { seededRandom } from '../src/core/clock.js';
import type { DetectionEngine } from '../src/detect/engine.js';
import { builtInDetectors } from '../src/detect/registry.js';
import { generateCorpus, type LabelledRecord, type LabelledSpan } from './corpus.js';

type Generators = Record<string, (rand: () => number) => string>;

/** Per-entity generators exported by the detector families that have them. */
async function loadGenerators(): Promise<Generators> {
  const families = ['national-eu', 'national-intl', 'health', 'location', 'organization', 'personal-date', 'finance', 'secrets', 'hr', 'pii'];
  const all: Generators = {};
  for (const family of families) {
    try {
      const mod = (await import(`../src/detect/detectors/${family}/generators.js`)) as { generators?: Generators };
      Object.assign(all, mod.generators ?? {});
    } catch {
      // a family without generators is evaluated on the CRM corpus only
    }
  }
  return all;
}

/** Sentence frames per language; {ctx} is a context word of the entity's detector, {v} the value. */
const FRAMES: Record<string, string[]> = {
  en: ['Customer record updated: {ctx} {v}, please verify.', 'Per the call, the {ctx} is {v} and the file is complete.', 'Note to team — {ctx}: {v}. Follow up on Monday.'],
  de: ['Kundendaten aktualisiert: {ctx} {v}, bitte prüfen.', 'Laut Anruf lautet die {ctx} {v}; Akte vollständig.', 'Hinweis — {ctx}: {v}. Rückruf am Montag.'],
  fr: ['Fiche client mise à jour : {ctx} {v}, merci de vérifier.', "D'après l'appel, le {ctx} est {v}.", 'Note — {ctx} : {v}. Relance lundi.'],
  es: ['Ficha del cliente actualizada: {ctx} {v}, por favor verificar.', 'Según la llamada, el {ctx} es {v}.', 'Nota — {ctx}: {v}. Seguimiento el lunes.'],
  it: ['Scheda cliente aggiornata: {ctx} {v}, da verificare.', 'Dalla chiamata, il {ctx} è {v}.', 'Nota — {ctx}: {v}. Richiamare lunedì.'],
  nl: ['Klantgegevens bijgewerkt: {ctx} {v}, graag controleren.', 'Volgens het gesprek is het {ctx} {v}.', 'Notitie — {ctx}: {v}. Maandag opvolgen.'],
  pt: ['Ficha do cliente atualizada: {ctx} {v}, favor verificar.', 'Segundo a chamada, o {ctx} é {v}.', 'Nota — {ctx}: {v}. Retorno na segunda.'],
};

function entitySentences(generators: Generators, perEntity: number, seed: number): LabelledRecord[] {
  const rng = seededRandom(seed);
  const rand = () => rng.next();
  const contextOf = new Map<string, string[]>();
  for (const d of builtInDetectors) {
    const words = contextOf.get(d.entity) ?? [];
    words.push(...(d.context ?? []));
    contextOf.set(d.entity, words);
  }
  const records: LabelledRecord[] = [];
  for (const [entity, generate] of Object.entries(generators)) {
    const words = contextOf.get(entity) ?? [];
    if (words.length === 0) continue;
    for (let i = 0; i < perEntity; i++) {
      const lang = Object.keys(FRAMES)[rng.int(7)] as string;
      const frame = (FRAMES[lang] as string[])[rng.int(3)] as string;
      const ctx = words[rng.int(words.length)] as string;
      const value = generate(rand);
      const before = frame.slice(0, frame.indexOf('{v}')).replace('{ctx}', ctx);
      const text = before + value + frame.slice(frame.indexOf('{v}') + 3).replace('{ctx}', ctx);
      records.push({ kind: `entity:${entity}`, text, labels: [{ entity, start: before.length, end: before.length + value.length }] });
    }
  }
  return records;
}

export interface EntityScore {
  entity: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f2: number;
}

const fbeta = (p: number, r: number, b = 2) => (p + r === 0 ? 0 : ((1 + b * b) * p * r) / (b * b * p + r));

export function score(engine: DetectionEngine, records: readonly LabelledRecord[], counts = new Map<string, { tp: number; fp: number; fn: number }>()) {
  const row = (e: string) => {
    let r = counts.get(e);
    if (!r) {
      r = { tp: 0, fp: 0, fn: 0 };
      counts.set(e, r);
    }
    return r;
  };
  for (const record of records) {
    const scored = new Set(record.labels.map((l) => l.entity));
    const findings = engine.detect(record.text).filter((f) => scored.has(f.entity));
    const used = new Set<LabelledSpan>();
    for (const f of findings) {
      const label = record.labels.find((l) => !used.has(l) && l.entity === f.entity && f.start < l.end && l.start < f.end);
      if (label) {
        used.add(label);
        row(f.entity).tp++;
      } else row(f.entity).fp++;
    }
    for (const l of record.labels) if (!used.has(l)) row(l.entity).fn++;
  }
  return counts;
}

export function summarise(counts: Map<string, { tp: number; fp: number; fn: number }>): { rows: EntityScore[]; overall: EntityScore } {
  const rows = [...counts].map(([entity, c]) => {
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    return { entity, ...c, precision, recall, f2: fbeta(precision, recall) };
  });
  rows.sort((a, b) => a.entity.localeCompare(b.entity));
  const t = rows.reduce((acc, r) => ({ tp: acc.tp + r.tp, fp: acc.fp + r.fp, fn: acc.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const precision = t.tp / Math.max(1, t.tp + t.fp);
  const recall = t.tp / Math.max(1, t.tp + t.fn);
  return { rows, overall: { entity: 'OVERALL', ...t, precision, recall, f2: fbeta(precision, recall) } };
}

export async function evaluate(engine: DetectionEngine, options: { seed?: number; perEntity?: number; corpusBytes?: number } = {}) {
  const generators = await loadGenerators();
  const sentences = entitySentences(generators, options.perEntity ?? 200, options.seed ?? 11);
  const corpus = generateCorpus(options.seed ?? 11, options.corpusBytes ?? 1024 * 1024);
  const counts = score(engine, sentences);
  score(engine, corpus, counts);
  return { ...summarise(counts), generatorEntities: Object.keys(generators).length, records: sentences.length + corpus.length };
}

export function printEvaluation(result: Awaited<ReturnType<typeof evaluate>>, checksumEntities: ReadonlySet<string>): void {
  const pct = (n: number) => (n * 100).toFixed(1).padStart(6);
  console.log(`\nlabelled evaluation: ${result.records} records, ${result.rows.length} entities (${result.generatorEntities} with generators), 7 languages`);
  console.log('entity                         TP     FP     FN   prec.  recall    F2   checksum');
  for (const r of [...result.rows, result.overall]) {
    const flag = checksumEntities.has(r.entity) ? (r.precision >= 0.95 && r.recall >= 0.95 ? 'yes ok' : 'yes BELOW 0.95') : '';
    console.log(
      `${r.entity.padEnd(28)} ${String(r.tp).padStart(6)} ${String(r.fp).padStart(6)} ${String(r.fn).padStart(6)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f2)}   ${flag}`,
    );
  }
}
