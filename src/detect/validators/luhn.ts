/**
 * Luhn (mod 10) check used by payment cards and several national identifiers.
 * `digits` must hold ASCII digits only; separators are the caller's business.
 */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2 || !isAllDigits(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit that, appended to `payload`, makes it Luhn-valid. */
export function luhnCheckDigit(payload: string): number {
  if (payload.length === 0 || !isAllDigits(payload)) throw new RangeError('Luhn payload must be ASCII digits');
  return (10 - (luhnSum(payload, true) % 10)) % 10;
}

/** Sum with every second digit doubled, counting from the right; `payloadOnly` starts doubling at the last digit. */
function luhnSum(digits: string, payloadOnly: boolean): number {
  let sum = 0;
  let double = payloadOnly;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum;
}

function isAllDigits(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
