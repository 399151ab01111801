/**
 * US ABA routing transit number: nine digits, weights 3-7-1 summing to a multiple of 10, and
 * a first-two-digit prefix from the ranges the Federal Reserve assigns (00–12 banks and
 * government, 21–32 thrifts, 61–72 electronic, 80 traveller's cheques).
 */
export function abaRoutingValid(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  const prefix = Number(value.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  return prefixOk && abaChecksum(value) % 10 === 0;
}

/** The ninth digit that completes an eight-digit routing payload. */
export function abaCheckDigit(payload: string): number {
  if (!/^\d{8}$/.test(payload)) throw new RangeError('ABA payload must be eight digits');
  return (10 - (abaChecksum(`${payload}0`) % 10)) % 10;
}

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

function abaChecksum(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return sum;
}
