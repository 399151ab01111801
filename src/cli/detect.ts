import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { AirlockError, asAirlockError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { parseDictionaryConfig, type DictionaryConfig } from '../detect/dictionaries.js';
import { DEFAULT_MAX_TEXT_LENGTH } from '../detect/engine.js';
import { createDetectionEngine, type DetectionEngine } from '../detect/index.js';
import type { CliIo } from './io.js';
import { readLines, type Line } from './lines.js';

interface DetectOptions {
  text?: string;
  minScore: number;
  dictionary?: string;
}

/** `airlock detect`: JSON lines in, one JSON line of findings out per input line. */
export function detectCommand(io: CliIo): Command {
  return new Command('detect')
    .description('find sensitive data: JSON lines ({"text": "..."} or a JSON string) on stdin, one result line each')
    .option('--text <text>', 'detect in this text and print a readable table')
    .option('--min-score <score>', 'drop findings scored below this (0..1)', parseScore, 0)
    .option('--dictionary <file>', 'customer dictionary (YAML or JSON: terms per entity, allowlist)')
    .action(async (options: DetectOptions) => {
      const dictionaries = options.dictionary ? await loadDictionary(options.dictionary) : undefined;
      const engine = createDetectionEngine(dictionaries ? { dictionaries } : {});
      if (options.text !== undefined) {
        io.out(renderTable(options.text, engine.detect(options.text, { minScore: options.minScore })));
        return;
      }
      for await (const line of readLines(io.stdin, DEFAULT_MAX_TEXT_LENGTH * 3)) {
        io.out(`${JSON.stringify(detectLine(engine, line, options.minScore))}\n`);
      }
    });
}

type LineResult =
  | { findings: Array<{ entity: string; start: number; end: number; score: number; detector: string }> }
  | { error: { code: string; message: string } };

function detectLine(
  engine: DetectionEngine,
  line: Line,
  minScore: number,
): LineResult {
  try {
    if (!line.ok) {
      throw line.reason === 'too-long'
        ? new AirlockError('PAYLOAD_TOO_LARGE', 'line exceeds the size limit')
        : new AirlockError('INPUT_INVALID_UTF8', 'line is not valid UTF-8');
    }
    const text = textOf(line.text);
    return { findings: engine.detect(text, { minScore }).map(toWire) };
  } catch (error) {
    const e = asAirlockError(error, 'INTERNAL', 'detection failed');
    return { error: { code: e.code, message: e.message } };
  }
}

function textOf(line: string): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new AirlockError('INPUT_INVALID_JSON', 'line is not valid JSON');
  }
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const text = (value as Record<string, unknown>).text;
    if (typeof text === 'string') return text;
  }
  throw new AirlockError('INPUT_INVALID', 'expected a JSON string or an object with a string "text"');
}

function toWire(f: Finding) {
  return { entity: f.entity, start: f.start, end: f.end, score: f.score, detector: f.detectorId };
}

function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
}

async function loadDictionary(file: string): Promise<DictionaryConfig> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `cannot read dictionary file ${file}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error) {
    throw new AirlockError('CONFIG_INVALID', `dictionary file ${file} is not valid YAML/JSON`, { cause: error });
  }
  return parseDictionaryConfig(parsed);
}

/** A table for people: entity, offsets, score, detector, and a redacted excerpt. */
export function renderTable(text: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings\n';
  const rows = findings.map((f) => [f.entity, `${f.start}-${f.end}`, f.score.toFixed(2), f.detectorId, excerpt(text, f)]);
  const header = ['ENTITY', 'SPAN', 'SCORE', 'DETECTOR', 'VALUE (masked)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return `${[fmt(header), ...rows.map(fmt)].join('\n')}\n`;
}

/** Shows the shape of a value, never the value: first and last character, the rest masked. */
function excerpt(text: string, f: Finding): string {
  const value = text.slice(f.start, f.end);
  if (value.length <= 4) return '*'.repeat(value.length);
  const masked = `${value[0]}${'*'.repeat(Math.min(value.length - 2, 24))}${value[value.length - 1]}`;
  return masked.replace(/\s/g, ' ');
}
