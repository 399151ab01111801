import { AirlockError } from './errors.js';

/**
 * JSON parsed with the position of every value in the source text, so a transform can
 * rewrite exactly the values it changes and leave every other byte — whitespace, number
 * spelling, escapes, key order — as it was.
 */
export type JsonNode =
  | { kind: 'object'; start: number; end: number; members: JsonMember[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'number'; start: number; end: number; value: number; raw: string }
  | { kind: 'literal'; start: number; end: number; value: boolean | null };

export interface JsonMember {
  key: string;
  /** start of the key's opening quote */
  keyStart: number;
  value: JsonNode;
}

export interface JsonLimits {
  maxDepth?: number;
  maxLength?: number;
}

export const DEFAULT_JSON_MAX_DEPTH = 64;
export const DEFAULT_JSON_MAX_LENGTH = 8 * 1024 * 1024;

export function parseJsonSource(source: string, limits: JsonLimits = {}): JsonNode {
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  const maxLength = limits.maxLength ?? DEFAULT_JSON_MAX_LENGTH;
  if (source.length > maxLength) {
    throw new AirlockError('PAYLOAD_TOO_LARGE', `JSON of ${source.length} characters exceeds the limit of ${maxLength}`);
  }
  let pos = 0;

  const fail = (what: string): never => {
    throw new AirlockError('INPUT_INVALID_JSON', `invalid JSON at offset ${pos}: ${what}`);
  };
  const skipSpace = (): void => {
    for (;;) {
      const c = source.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else return;
    }
  };

  const parseString = (): { value: string; start: number; end: number } => {
    const start = pos;
    pos++; // opening quote
    let simple = true;
    for (;;) {
      if (pos >= source.length) fail('unterminated string');
      const c = source.charCodeAt(pos);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        simple = false;
        pos += 2;
        continue;
      }
      pos++;
    }
    pos++; // closing quote
    const raw = source.slice(start, pos);
    if (simple) return { value: raw.slice(1, -1), start, end: pos };
    try {
      return { value: JSON.parse(raw) as string, start, end: pos };
    } catch {
      pos = start;
      return fail('bad escape in string');
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const parseValue = (depth: number): JsonNode => {
    if (depth > maxDepth) throw new AirlockError('INPUT_TOO_DEEP', `JSON nesting deeper than ${maxDepth}`);
    skipSpace();
    const start = pos;
    const c = source[pos];
    if (c === '{') {
      pos++;
      const members: JsonMember[] = [];
      skipSpace();
      if (source[pos] === '}') {
        pos++;
        return { kind: 'object', start, end: pos, members };
      }
      for (;;) {
        skipSpace();
        if (source[pos] !== '"') fail('expected a key');
        const keyStart = pos;
        const key = parseString().value;
        skipSpace();
        if (source[pos] !== ':') fail('expected ":"');
        pos++;
        members.push({ key, keyStart, value: parseValue(depth + 1) });
        skipSpace();
        if (source[pos] === ',') {
          pos++;
          continue;
        }
        if (source[pos] === '}') {
          pos++;
          return { kind: 'object', start, end: pos, members };
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const items: JsonNode[] = [];
      skipSpace();
      if (source[pos] === ']') {
        pos++;
        return { kind: 'array', start, end: pos, items };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (source[pos] === ',') {
          pos++;
          continue;
        }
        if (source[pos] === ']') {
          pos++;
          return { kind: 'array', start, end: pos, items };
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return { kind: 'string', ...parseString() };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (source.startsWith(word, pos)) {
        pos += word.length;
        return { kind: 'literal', start, end: pos, value };
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(source);
    if (m) {
      pos += m[0].length;
      return { kind: 'number', start, end: pos, value: Number(m[0]), raw: m[0] };
    }
    return fail('unexpected character');
  };

  const root = parseValue(0);
  skipSpace();
  if (pos !== source.length) fail('trailing characters');
  return root;
}

/** A rewrite of one value's source range; `undefined` text removes the member or item. */
export interface JsonEdit {
  node: JsonNode;
  text: string | undefined;
}

/**
 * Renders the document with the edits applied. Untouched subtrees are copied from the
 * source byte for byte; a removed member or item takes its separator with it, so the result
 * stays valid JSON.
 */
export function applyJsonEdits(source: string, root: JsonNode, edits: readonly JsonEdit[]): string {
  if (edits.length === 0) return source;
  const replace = new Map<JsonNode, string | undefined>(edits.map((e) => [e.node, e.text]));
  const touched = new Set<JsonNode>();
  const mark = (node: JsonNode): boolean => {
    let hit = replace.has(node);
    if (node.kind === 'object') for (const m of node.members) hit = mark(m.value) || hit;
    else if (node.kind === 'array') for (const item of node.items) hit = mark(item) || hit;
    if (hit) touched.add(node);
    return hit;
  };
  mark(root);

  const render = (node: JsonNode): string => {
    if (replace.has(node)) return replace.get(node) ?? '';
    if (!touched.has(node)) return source.slice(node.start, node.end);
    if (node.kind === 'object') {
      const parts = node.members.map((m) => ({ from: m.keyStart, node: m.value, head: source.slice(m.keyStart, m.value.start) }));
      return renderContainer(node, parts, '{', '}');
    }
    if (node.kind === 'array') {
      return renderContainer(node, node.items.map((item) => ({ from: item.start, node: item, head: '' })), '[', ']');
    }
    return source.slice(node.start, node.end);
  };

  const renderContainer = (
    container: JsonNode,
    parts: Array<{ from: number; node: JsonNode; head: string }>,
    open: string,
    close: string,
  ): string => {
    const kept = parts.filter((p) => !(replace.has(p.node) && replace.get(p.node) === undefined));
    if (kept.length === 0) return `${open}${close}`;
    const first = parts[0] as { from: number };
    const last = parts[parts.length - 1] as { node: JsonNode };
    let out = open + source.slice(container.start + 1, first.from);
    kept.forEach((p, k) => {
      if (k > 0) {
        const index = parts.indexOf(p);
        out += source.slice((parts[index - 1] as { node: JsonNode }).node.end, p.from);
      }
      out += p.head + render(p.node);
    });
    return out + source.slice(last.node.end, container.end - 1) + close;
  };

  return render(root);
}
