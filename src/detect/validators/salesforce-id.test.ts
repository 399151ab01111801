import { describe, expect, it } from 'vitest';
import { salesforceId18Valid, salesforceIdSuffix, toSalesforceId18 } from './salesforce-id.js';

describe('Salesforce id suffix', () => {
  it.each([
    // 5-bit masks of the upper-case positions in each chunk of five
    ['001000000000000', 'AAA'],
    ['00100000000000A', 'AAQ'],
    ['001A0000006Vm9r', 'IAC'],
    ['A0000B0000C0000', 'BBB'],
    ['ABCDEABCDEABCDE', '555'],
  ])('%s → %s', (id, suffix) => {
    expect(salesforceIdSuffix(id)).toBe(suffix);
  });

  it('accepts a correct 18-character id in any suffix case and rejects a wrong suffix', () => {
    const id = toSalesforceId18('0035g00000XyZab');
    expect(salesforceId18Valid(id)).toBe(true);
    expect(salesforceId18Valid(id.slice(0, 15) + id.slice(15).toLowerCase())).toBe(true);
    expect(salesforceId18Valid(`${id.slice(0, 15)}ZZZ`)).toBe(id.slice(15) === 'ZZZ');
  });
});
