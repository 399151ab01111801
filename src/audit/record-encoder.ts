/**
 * The audit record's field patterns, and the append path's encoder: it validates a record
 * against the same rules as the zod schema in `record.ts` and writes its canonical JSON in
 * one pass, without the copy zod makes. It answers only when it is sure: a record it does
 * not accept (invalid, or merely unusual — a non-plain object, a symbol key) goes to the zod
 * schema, which rejects it with the names of the failing fields or, if it is valid after
 * all, encodes it. A differential test holds the two to the same answers and bytes.
 *
 * Every pattern admits only characters that JSON writes unescaped (no `"`, `\`, controls or
 * non-ASCII), so a validated string is written as `"` + value + `"`.
 */

export const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,127}$/;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:>-]{0,127}$/;
export const ENTITY = /^[A-Z][A-Z0-9_]{0,63}$/;
/** `name[n].name…`: names identifier-like, or `*` for a key that was not (see safeFieldPath) */
export const FIELD_PATH =
  /^(?=.)(?:[A-Za-z_$][A-Za-z0-9_$-]{0,79}|\*)?(?:\[\d{1,9}\])*(?:\.(?:[A-Za-z_$][A-Za-z0-9_$-]{0,79}|\*)(?:\[\d{1,9}\])*)*$/;
export const SAFE_SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$-]{0,79}$/;
export const STAGE = /^[a-z][A-Za-z0-9_.-]{0,63}$/;
export const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
export const API_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
export const JURISDICTION = /^[A-Za-z0-9-]{1,16}$/;
export const HEX64 = /^[0-9a-f]{64}$/;
export const ROUTE = /^[A-Za-z0-9/][A-Za-z0-9._:@/+-]{0,255}$/;

export const DECISIONS = ['allowed', 'transformed', 'blocked', 'failed'] as const;
export const ENVIRONMENTS = ['prod', 'sandbox', 'dev'] as const;
export const PHASES = ['begin', 'end'] as const;

export const LIMITS = {
  count: 1e12,
  millis: 1e12,
  epochMs: 8.64e15,
  upstreamStatus: 999,
  fieldPathLength: 512,
  fields: 1000,
  origins: 64,
  exceptions: 32,
} as const;

/** Thrown (and caught) inside the encoder: "not sure, ask the schema". Never escapes this module. */
const NOT_SURE: unique symbol = Symbol('not sure');

type Obj = Record<string, unknown>;

function plainObject(value: unknown): Obj {
  if (typeof value !== 'object' || value === null) throw NOT_SURE;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw NOT_SURE;
  return value as Obj;
}

function str(value: unknown, pattern: RegExp): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw NOT_SURE;
  return `"${value}"`;
}

function int(value: unknown, min: number, max: number): string {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw NOT_SURE;
  return String(value);
}

function count(value: unknown): string {
  return int(value, 0, LIMITS.count);
}

function millis(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > LIMITS.millis) throw NOT_SURE;
  return String(value);
}

function oneOf(value: unknown, options: readonly string[]): string {
  if (typeof value !== 'string' || !options.includes(value)) throw NOT_SURE;
  return `"${value}"`;
}

function stringArray(value: unknown, pattern: RegExp, max: number, maxLength = Infinity): string {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype || value.length > max) throw NOT_SURE;
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' || item.length > maxLength || !pattern.test(item)) throw NOT_SURE;
    out += i === 0 ? `"${item}"` : `,"${item}"`;
  }
  return `${out}]`;
}

/** `z.record(key pattern, value)`, written with its keys in code-unit order. */
function record(value: unknown, keyPattern: RegExp, writeValue: (v: unknown) => string): string {
  const obj = plainObject(value);
  if (Object.getOwnPropertySymbols(obj).length > 0) throw NOT_SURE;
  const keys: string[] = [];
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key) || !keyPattern.test(key)) throw NOT_SURE;
    keys.push(key);
  }
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out += `${i === 0 ? '' : ','}"${key}":${writeValue(obj[key])}`;
  }
  return `${out}}`;
}

/**
 * A strict object: every enumerable key (own or inherited, as zod's `for…in` sees them)
 * must be declared; `fields` lists the declared keys in code-unit order with their writers
 * and whether they are required.
 */
interface Field {
  key: string;
  required: boolean;
  write(value: unknown): string;
}

interface SortedField extends Field {
  /** `{"key":` and `,"key":`, made once */
  open: string;
  next: string;
}

function strictObject(value: unknown, fields: readonly SortedField[], known: ReadonlySet<string>): string {
  const obj = plainObject(value);
  for (const key in obj) if (!known.has(key)) throw NOT_SURE;
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as SortedField;
    const item = obj[field.key];
    if (item === undefined) {
      if (field.required) throw NOT_SURE;
      continue;
    }
    out += (out === '' ? field.open : field.next) + field.write(item);
  }
  return out === '' ? '{}' : `${out}}`;
}

function objectWriter(fields: readonly Field[]): (value: unknown) => string {
  const sorted: SortedField[] = [...fields]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((f) => ({ ...f, open: `{"${f.key}":`, next: `,"${f.key}":` }));
  const known = new Set(sorted.map((f) => f.key));
  return (value) => strictObject(value, sorted, known);
}

const optional = (key: string, write: (v: unknown) => string): Field => ({ key, required: false, write });
const required = (key: string, write: (v: unknown) => string): Field => ({ key, required: true, write });
const pattern = (p: RegExp) => (v: unknown) => str(v, p);

const writeRequest = objectWriter([
  optional('actionCounts', (v) => record(v, CODE, count)),
  required('at', (v) => int(v, 0, LIMITS.epochMs)),
  optional('clientId', pattern(TOKEN)),
  optional('decision', (v) => oneOf(v, DECISIONS)),
  optional(
    'endpoint',
    objectWriter([
      required('id', pattern(TOKEN)),
      optional('jurisdiction', pattern(JURISDICTION)),
      optional('sovereign', (v) => {
        if (typeof v !== 'boolean') throw NOT_SURE;
        return v ? 'true' : 'false';
      }),
    ]),
  ),
  optional('entityCounts', (v) => record(v, ENTITY, count)),
  optional('environment', (v) => oneOf(v, ENVIRONMENTS)),
  optional('fields', (v) => stringArray(v, FIELD_PATH, LIMITS.fields, LIMITS.fieldPathLength)),
  optional(
    'fingerprints',
    objectWriter([required('keyId', pattern(TOKEN)), optional('request', pattern(HEX64)), optional('response', pattern(HEX64))]),
  ),
  optional('model', pattern(TOKEN)),
  optional('origins', (v) => stringArray(v, CODE, LIMITS.origins)),
  optional('exceptions', (v) => stringArray(v, CODE, LIMITS.exceptions)),
  required('phase', (v) => oneOf(v, PHASES)),
  optional('policyHash', pattern(CODE)),
  optional('reasonCode', pattern(CODE)),
  required('requestId', pattern(TOKEN)),
  optional('route', pattern(ROUTE)),
  optional(
    'salesforce',
    objectWriter([
      optional('object', pattern(API_NAME)),
      optional('orgId', pattern(SALESFORCE_ID)),
      optional('userId', pattern(SALESFORCE_ID)),
    ]),
  ),
  optional('sizes', objectWriter([optional('requestBytes', count), optional('responseBytes', count)])),
  optional('stageMs', (v) => record(v, STAGE, millis)),
  optional('tokens', objectWriter([optional('completion', count), optional('prompt', count), optional('total', count)])),
  required('type', (v) => oneOf(v, ['request'])),
  optional('upstreamStatus', (v) => int(v, 0, LIMITS.upstreamStatus)),
  required('v', (v) => int(v, 1, 1)),
]);

const writePrune = objectWriter([
  required('anchorHash', pattern(HEX64)),
  required('at', (v) => int(v, 0, LIMITS.epochMs)),
  required('before', (v) => int(v, 0, LIMITS.epochMs)),
  required('throughSeq', (v) => int(v, 1, Number.MAX_SAFE_INTEGER)),
  required('type', (v) => oneOf(v, ['prune'])),
  required('v', (v) => int(v, 1, 1)),
]);

/**
 * Returns `text` flattened. The encoder builds a rope of a hundred-odd pieces; hashing it,
 * binding it to SQLite and — above all — keeping it alive in the queue until its batch is
 * durable (young-generation copies) each cost more than one flat copy made now. Reading a
 * character makes V8 flatten the rope in place.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/**
 * The canonical JSON of a valid audit record, or undefined when this encoder is not sure the
 * record is valid (the caller then asks the zod schema).
 */
export function encodeRecordFast(input: unknown): string | undefined {
  try {
    if (typeof input !== 'object' || input === null) return undefined;
    const type = (input as Obj)['type'];
    if (type === 'request') return flat(writeRequest(input));
    if (type === 'prune') return flat(writePrune(input));
    return undefined;
  } catch {
    // NOT_SURE, or anything odd (a throwing getter): the schema decides and explains.
    return undefined;
  }
}
