/**
 * Canonical JSON for hashing and signing: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings exactly as JSON.stringify writes them, properties whose
 * value is undefined left out. Anything JSON cannot represent faithfully (NaN, Infinity,
 * bigint, functions, symbols, undefined in arrays, non-plain objects such as Dates, nesting
 * deeper than 64 — which includes every cycle) throws, so two parties never disagree about
 * the bytes behind a hash.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

const MAX_DEPTH = 64;

/** Quoted keys: records repeat the same few keys, so quote each once (bounded). */
const quotedKeys = new Map<string, string>();

function quote(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 4096) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
      // JSON.stringify gives the shortest round-trip form and writes -0 as 0.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (depth >= MAX_DEPTH) throw new TypeError('canonical JSON: nested too deep (or a cycle)');
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) throw new TypeError('canonical JSON: undefined in an array');
          if (i > 0) out += ',';
          out += write(item, depth + 1);
        }
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new TypeError('canonical JSON: not a plain object');
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      // Default sort compares UTF-16 code units (locale-independent); skip it when already sorted.
      for (let i = 1; i < keys.length; i++) {
        if ((keys[i - 1] as string) > (keys[i] as string)) {
          keys.sort();
          break;
        }
      }
      let out = '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const item = record[key];
        if (item === undefined) continue;
        if (first) first = false;
        else out += ',';
        out += quote(key);
        out += ':';
        out += write(item, depth + 1);
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON: cannot serialise a ${typeof value}`);
  }
}
