import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Restorer, StreamRestorer } from './restore.js';

const entries = [
  { token: 'PERSON_1', entity: 'PERSON', value: 'Jürgen Müller' },
  { token: 'PERSON_10', entity: 'PERSON', value: 'Zoë Dubois' },
  { token: 'EMAIL_ADDRESS_1', entity: 'EMAIL_ADDRESS', value: 'j.mueller@example.de' },
  { token: 'Alex Marlow', entity: 'PERSON', value: 'Ana Silva' },
];
const restorer = new Restorer(entries);

describe('Restorer', () => {
  it.each([
    ['Hello PERSON_1!', 'Hello Jürgen Müller!'],
    ["PERSON_1's order", "Jürgen Müller's order"],
    ['[PERSON_1] wrote', 'Jürgen Müller wrote'],
    ['person_1 and Person 1', 'Jürgen Müller and Jürgen Müller'],
    ['PERSON_10 is not PERSON_1', 'Zoë Dubois is not Jürgen Müller'],
    ['mail EMAIL_ADDRESS_1.', 'mail j.mueller@example.de.'],
    ['ALEX MARLOW called', 'Ana Silva called'],
    ['PERSON_100 and XPERSON_1 stay', 'PERSON_100 and XPERSON_1 stay'],
    ['Person\u00a01 and email address\t1', 'Jürgen Müller and j.mueller@example.de'],
    ['alex marlow, [Alex Marlow] and PERSON_1_ stay apart', 'Ana Silva, Ana Silva and PERSON_1_ stay apart'],
    ['éPERSON_1 and PERSON_1é are inside words', 'éPERSON_1 and PERSON_1é are inside words'],
  ])('%s', (input, expected) => {
    expect(restorer.restore(input)).toBe(expected);
  });

  it('restores a stream no matter where chunks split, even inside a token', () => {
    const text = '[PERSON_1] met PERSON_10 (EMAIL_ADDRESS_1); Alex Marlow agreed. PERSON_1.';
    const expected = restorer.restore(text);
    for (let a = 0; a <= text.length; a++) {
      for (let b = a; b <= text.length; b += 7) {
        const stream = new StreamRestorer(restorer);
        const out = stream.push(text.slice(0, a)) + stream.push(text.slice(a, b)) + stream.push(text.slice(b)) + stream.end();
        expect(out).toBe(expected);
      }
    }
  });

  it('streams random chunkings to the same result as the whole text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('PERSON_1', 'PERSON_10', ' ', 'x', "'s", '[', ']', 'EMAIL_ADDRESS_1', 'Alex Marlow', 'é'), { maxLength: 30 }),
        fc.array(fc.nat(40), { maxLength: 8 }),
        (parts, cuts) => {
          const text = parts.join('');
          const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((x, y) => x - y);
          const stream = new StreamRestorer(restorer);
          let out = '';
          let last = 0;
          for (const p of points) {
            out += stream.push(text.slice(last, p));
            last = p;
          }
          out += stream.push(text.slice(last)) + stream.end();
          expect(out).toBe(restorer.restore(text));
        },
      ),
    );
  });

  it('holds back no more than a token length', () => {
    const stream = new StreamRestorer(restorer);
    const out = stream.push('a'.repeat(100));
    expect(out.length).toBeGreaterThanOrEqual(100 - restorer.longestMatch);
  });
});

describe('StreamRestorer and surrogate pairs', () => {
  it('never emits half of an emoji', () => {
    const text = `${'😀'.repeat(30)} PERSON_1`;
    for (let cut = 0; cut <= text.length; cut++) {
      const stream = new StreamRestorer(restorer);
      const first = stream.push(text.slice(0, cut));
      const last = first.charCodeAt(first.length - 1);
      expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      expect(first + stream.push(text.slice(cut)) + stream.end()).toBe(`${'😀'.repeat(30)} Jürgen Müller`);
    }
  });
});
