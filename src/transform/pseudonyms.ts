import type { Random } from '../core/clock.js';

export type PseudonymStyle = 'token' | 'surrogate';

/** `PERSON_1`: typed, numbered per entity within a session. */
export function typedToken(entity: string, n: number): string {
  return `${entity}_${n}`;
}

// Surrogate names are drawn from combinations that read naturally in many languages.
const FIRST = ['Alex', 'Sam', 'Robin', 'Kim', 'Noa', 'Jules', 'Andrea', 'Charlie', 'Eli', 'Toni', 'Mika', 'Luca', 'Nico', 'Sasha', 'Rene', 'Dana'];
const LAST = ['Marlow', 'Castell', 'Verhoek', 'Lindqvist', 'Arden', 'Falk', 'Moreno', 'Brandt', 'Okafor', 'Novell', 'Sato', 'Quint', 'Reyes', 'Holm', 'Varga', 'Eskel'];

const pick = <T>(random: Random, items: readonly T[]): T => items[random.bytes(2).readUInt16BE(0) % items.length] as T;
const digits = (random: Random, n: number): string =>
  Array.from(random.bytes(n), (b) => String(b % 10)).join('');

function luhnComplete(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return payload + String((10 - (sum % 10)) % 10);
}

/**
 * A realistic stand-in of the same type and format, so the model's answer stays natural.
 * Values come from reserved or test ranges (example domains, 555-01xx numbers, test card
 * BINs), so a surrogate is never someone's real data. Entities without a surrogate form
 * fall back to a typed token.
 */
export function surrogate(entity: string, original: string, n: number, random: Random): string {
  switch (entity) {
    case 'PERSON': {
      const name = `${pick(random, FIRST)} ${pick(random, LAST)}`;
      return original === original.toUpperCase() && /\p{L}/u.test(original) ? name.toUpperCase() : name;
    }
    case 'EMAIL_ADDRESS':
      return `${pick(random, FIRST).toLowerCase()}.${pick(random, LAST).toLowerCase()}${n}@example.net`;
    case 'PHONE_NUMBER':
      return original.trim().startsWith('+') ? `+1 202 555 01${digits(random, 2)}` : `(202) 555-01${digits(random, 2)}`;
    case 'CREDIT_CARD': {
      const card = luhnComplete(`400000${digits(random, 9)}`);
      const sep = original.match(/\d([ -])\d/)?.[1];
      return sep ? card.replace(/(\d{4})(?=\d)/g, `$1${sep}`) : card;
    }
    default:
      return typedToken(entity, n);
  }
}
