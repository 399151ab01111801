/**
 * German Krankenversichertennummer (the 10-character lifelong part printed on the eGK): a
 * letter, eight digits and a check digit. The letter counts as two digits (A = 01 … Z = 26);
 * the ten digits are weighted 1-2-1-2…, each product's digit sum is added, and the check
 * digit is the total mod 10 (§ 290 SGB V, GKV-Spitzenverband).
 */
export function kvnrCheckDigit(payload: string): number {
  if (!/^[A-Z]\d{8}$/.test(payload)) throw new RangeError('KVNR payload must be a letter and eight digits');
  const letter = payload.charCodeAt(0) - 64;
  const digits = `${String(letter).padStart(2, '0')}${payload.slice(1)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    sum += product > 9 ? product - 9 : product;
  }
  return sum % 10;
}

export function kvnrValid(value: string): boolean {
  if (!/^[A-Z]\d{9}$/.test(value)) return false;
  return kvnrCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}
