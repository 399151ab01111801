const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix of a 15-character Salesforce id. */
export function salesforceIdSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** True for an 18-character id whose suffix matches its first 15 characters (suffix case-insensitive). */
export function salesforceId18Valid(id: string): boolean {
  return id.length === 18 && salesforceIdSuffix(id.slice(0, 15)) === id.slice(15).toUpperCase();
}

export function toSalesforceId18(id15: string): string {
  return id15 + salesforceIdSuffix(id15);
}
