/**
 * RE2 syntax → an equivalent V8 pattern that needs no `u` flag (and no `i` flag), so V8's
 * linear-time engine can take over a pattern that backtracks too much (that engine runs
 * neither `u` nor, in Node 20, `i`). What it rewrites:
 * - `(?i:…)` groups and a case-insensitive pattern: every letter becomes a class of its
 *   case variants (`[mM]`), every class gets its letters' variants added;
 * - `\p{…}` / `\pL` / `\P{…}` and classes holding them: spelled out as ranges over the Basic
 *   Multilingual Plane (a character outside it is not a letter to the translated pattern —
 *   the price of staying linear on V8; no detector relies on one).
 * Anything it cannot rewrite faithfully (other inline flags, named groups, `\Q…\E`, `\z`,
 * POSIX classes, backreferences, characters outside the BMP in the pattern) yields
 * undefined, and the caller keeps the pattern on RE2.
 */

type Ranges = Array<[number, number]>;

const classCache = new Map<string, string | undefined>();

export function toV8Source(source: string, caseInsensitive = false): string | undefined {
  let out = '';
  const ci: boolean[] = [caseInsensitive];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] as string;
    const code = source.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return undefined;
    const insensitive = ci[ci.length - 1] as boolean;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      if (next === 'p' || next === 'P') {
        const end = propertyEnd(source, i);
        if (end < 0) return undefined;
        const body = source.slice(i, end);
        const cls = classFromBody(body, insensitive);
        if (cls === undefined) return undefined;
        out += cls;
        i = end;
        continue;
      }
      const escape = plainEscapeLength(source, i);
      if (escape === 0) return undefined;
      out += source.slice(i, i + escape);
      i += escape;
      continue;
    }
    if (c === '[') {
      const end = classEnd(source, i);
      if (end < 0) return undefined;
      const body = source.slice(i + 1, end - 1);
      if (body.startsWith('[:') || /[\ud800-\udfff]|\\[QEzCAGK]|\\[pP]\{\^/.test(body)) return undefined;
      if (insensitive || /\\[pP]/.test(body)) {
        const cls = classFromBody(body, insensitive);
        if (cls === undefined) return undefined;
        out += cls;
      } else {
        out += source.slice(i, end);
      }
      i = end;
      continue;
    }
    if (c === '(') {
      if (source.startsWith('(?i:', i)) {
        ci.push(true);
        out += '(?:';
        i += 4;
      } else if (source.startsWith('(?:', i)) {
        ci.push(insensitive);
        out += '(?:';
        i += 3;
      } else if (source[i + 1] === '?') {
        return undefined;
      } else {
        ci.push(insensitive);
        out += '(';
        i += 1;
      }
      continue;
    }
    if (c === ')') {
      if (ci.length <= 1) return undefined;
      ci.pop();
      out += ')';
      i += 1;
      continue;
    }
    if (c === '{') {
      // a quantifier passes through as written; a brace that is not one is a literal
      const m = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i, i + 16));
      if (m) {
        out += m[0];
        i += m[0].length;
        continue;
      }
      out += '\\{';
      i += 1;
      continue;
    }
    if (insensitive && /[^\s\d.|*+?^$]/.test(c)) {
      const variants = caseVariants(c);
      out += variants.length > 1 ? `[${variants.map(escapeClassChar).join('')}]` : c;
    } else {
      out += c;
    }
    i += 1;
  }
  return ci.length === 1 ? out : undefined;
}

/** End (exclusive) of `\p{Name}` / `\pL` starting at `at`, or -1. */
function propertyEnd(source: string, at: number): number {
  if (source[at + 2] === '{') {
    const close = source.indexOf('}', at + 3);
    return close < 0 ? -1 : close + 1;
  }
  return /[A-Za-z]/.test(source[at + 2] ?? '') ? at + 3 : -1;
}

/** Length of an escape V8 reads as RE2 does, or 0 when it differs. */
function plainEscapeLength(source: string, at: number): number {
  const next = source[at + 1] as string;
  if (next === 'x') return /^[0-9A-Fa-f]{2}$/.test(source.slice(at + 2, at + 4)) ? 4 : 0;
  if (next === 'u') return /^[0-9A-Fa-f]{4}$/.test(source.slice(at + 2, at + 6)) ? 6 : 0;
  if (/[1-9]/.test(next)) return 0; // a backreference, or an octal escape
  if (/[QEzCAGKNRXkgo0]/.test(next)) return 0;
  return 2;
}

/** End (exclusive, after `]`) of the class starting at `at`, or -1. */
function classEnd(source: string, at: number): number {
  let i = at + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++; // a leading `]` is a literal
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[' && source[i + 1] === ':') return -1;
    else if (c === ']') return i + 1;
  }
  return -1;
}

/**
 * A class body (or a lone `\p{…}`) as explicit BMP ranges: the code points it holds are
 * enumerated once with a `u` RegExp (which knows the Unicode properties) and cached.
 */
function classFromBody(body: string, insensitive: boolean): string | undefined {
  const key = `${insensitive ? 'i' : '-'}${body}`;
  if (classCache.has(key)) return classCache.get(key);
  const result = buildClass(body, insensitive);
  classCache.set(key, result);
  return result;
}

function buildClass(body: string, insensitive: boolean): string | undefined {
  const lone = body.startsWith('\\p') || body.startsWith('\\P');
  const negated = !lone && body.startsWith('^');
  const inner = lone ? body : negated ? body.slice(1) : body;
  let probe: RegExp;
  try {
    probe = new RegExp(`^[${rewriteScriptNames(inner)}]$`, 'u');
  } catch {
    try {
      if (/\\[pP]/.test(inner)) return undefined;
      probe = new RegExp(`^[${inner}]$`);
    } catch {
      return undefined;
    }
  }
  const member = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCharCode(cp);
    if (!probe.test(ch)) continue;
    member[cp] = 1;
    if (insensitive) for (const v of caseVariants(ch)) member[v.charCodeAt(0)] = 1;
  }
  if (negated) {
    // The negated class must still match what lies outside the BMP (two code units here).
    for (let cp = 0; cp < 0x10000; cp++) member[cp] = member[cp] === 1 && !(cp >= 0xd800 && cp <= 0xdfff) ? 0 : 1;
  }
  const ranges: Ranges = [];
  for (let cp = 0; cp < 0x10000; cp++) {
    if (member[cp] !== 1) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  if (ranges.length === 0) return '[^\\s\\S]';
  return `[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`;
}

/** RE2 names scripts bare (`\p{Greek}`); a `u` RegExp wants `\p{Script=Greek}`. */
function rewriteScriptNames(body: string): string {
  return body.replace(/\\([pP])\{([A-Za-z_]+)\}/g, (all, p: string, name: string) => {
    try {
      new RegExp(`\\p{${name}}`, 'u');
      return all;
    } catch {
      return `\\${p}{Script=${name}}`;
    }
  }).replace(/\\([pP])([A-Za-z])(?!\{)/g, '\\$1{$2}');
}

/** The character and its simple upper- and lower-case forms (one code unit each). */
function caseVariants(ch: string): string[] {
  const out = new Set([ch]);
  for (const v of [ch.toLowerCase(), ch.toUpperCase(), ch.toLowerCase().toUpperCase(), ch.toUpperCase().toLowerCase()]) {
    if (v.length === 1) out.add(v);
  }
  return [...out];
}

const hex = (cp: number): string => `\\u${cp.toString(16).padStart(4, '0')}`;
const escapeClassChar = (ch: string): string => hex(ch.charCodeAt(0));
