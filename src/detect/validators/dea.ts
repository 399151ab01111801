/**
 * US DEA registration numbers: a registrant-type letter, the registrant's initial (or 9 for
 * some business registrations), six digits and a check digit that is the last digit of
 * (d1 + d3 + d5) + 2 × (d2 + d4 + d6).
 */
const DEA_SHAPE = /^[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}$/;

/** The check digit for the six serial digits. */
export function deaCheckDigit(serial: string): number {
  if (!/^\d{6}$/.test(serial)) throw new RangeError('DEA serial must be six ASCII digits');
  const d = (i: number) => serial.charCodeAt(i) - 48;
  return (d(0) + d(2) + d(4) + 2 * (d(1) + d(3) + d(5))) % 10;
}

/** Shape (registrant type, initial, seven digits) and check digit of a compact DEA number. */
export function deaValid(value: string): boolean {
  if (!DEA_SHAPE.test(value)) return false;
  return deaCheckDigit(value.slice(2, 8)) === value.charCodeAt(8) - 48;
}
