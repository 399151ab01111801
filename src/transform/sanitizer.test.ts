import { afterAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { testAirlock } from '../../test/support/airlock.js';
import { applyJsonEdits, parseJsonSource, type JsonNode } from '../core/json-source.js';
import { DROP } from './operators/index.js';
import { editedJsonValue } from './sanitizer.js';
import { RequestVault } from './vault.js';

const airlock = await testAirlock();
afterAll(() => airlock.close());

const history = 'Earlier: Maria García (maria.garcia@example.es) asked about invoice 4711 and her card 4111 1111 1111 1111.';

describe('findings of texts seen before', () => {
  it('detects a repeated text once and gives the same findings for it', () => {
    const detect = vi.spyOn(airlock.engine, 'detect');
    try {
      const first = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]);
      const calls = detect.mock.calls.length;
      const again = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]);
      expect(detect.mock.calls.length).toBe(calls);
      expect(again.items[0]?.findings).toEqual(first.items[0]?.findings);
      expect(first.items[0]?.findings.map((f) => f.entity)).toEqual(expect.arrayContaining(['EMAIL_ADDRESS', 'CREDIT_CARD']));
      // a different text is detected on its own, never answered from another's findings
      const other = `${history} Also: john.smith@example.com.`;
      const changed = airlock.sanitizer.analyzeItems(other, undefined, [{ path: 'text', text: other }]);
      expect(detect.mock.calls.length).toBe(calls + 1);
      expect(changed.items[0]?.findings.length).toBe((first.items[0]?.findings.length ?? 0) + 1);
    } finally {
      detect.mockRestore();
    }
  });

  it('gives every request its own findings: one that changes them changes nobody else’s', () => {
    const first = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]).items[0]?.findings ?? [];
    const expected = first.map((f) => ({ ...f }));
    expect(first.length).toBeGreaterThan(0);
    (first[0] as { start: number }).start = 999;
    first.pop();
    const again = airlock.sanitizer.analyzeItems(history, undefined, [{ path: 'text', text: history }]).items[0]?.findings;
    expect(again).toEqual(expected);
  });
});

describe('the sanitized document as a value', () => {
  it('equals JSON.parse of the rendered edits, whatever the document and the edits (property)', async () => {
    type Node = JsonNode;
    const leaves = (node: Node, out: Node[] = []): Node[] => {
      if (node.kind === 'object') for (const m of node.members) leaves(m.value, out);
      else if (node.kind === 'array') for (const item of node.items) leaves(item, out);
      else if (node.kind === 'string' || node.kind === 'number') out.push(node);
      return out;
    };
    // keys that JSON.parse treats specially, repeated keys, escapes and lone surrogates
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', '0', '1', 'a', 'a', 'toString', ''), fc.string({ unit: 'binary' }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.constantFrom(true, false, null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((members) => ({ members })),
      ),
    })).node;
    const render = (v: unknown): string =>
      v !== null && typeof v === 'object' && 'members' in v
        ? `{${(v as { members: Array<[string, unknown]> }).members.map(([k, x]) => `${JSON.stringify(k)} : ${render(x)}`).join(' , ')}}`
        : Array.isArray(v)
          ? `[ ${v.map(render).join(',')} ]`
          : JSON.stringify(v);
    fc.assert(
      fc.property(value, fc.array(fc.oneof(fc.constant(DROP), fc.string({ unit: 'binary' })), { maxLength: 8 }), (doc, texts) => {
        const source = render(doc);
        const root = parseJsonSource(source);
        const targets = leaves(root).filter((n) => n !== root);
        const replaced = new Map<Node, string | typeof DROP>();
        texts.forEach((text, i) => {
          const node = targets[(i * 7) % Math.max(1, targets.length)];
          if (node) replaced.set(node, text);
        });
        const edits = [...replaced].map(([node, text]) => ({ node, text: text === DROP ? undefined : JSON.stringify(text) }));
        const expected: unknown = JSON.parse(applyJsonEdits(source, root, edits));
        const actual = editedJsonValue(root, replaced);
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('is what JSON.parse makes of the rewritten text, pseudonyms and all', async () => {
    const [a, b] = [await testAirlock({ seed: 5 }), await testAirlock({ seed: 5 })];
    try {
      const source = JSON.stringify({
        model: 'm',
        messages: [
          { role: 'system', content: 'You help the account team.' },
          { role: 'user', content: `${history} Call +49 30 1234567 or write to jane.doe@example.org.` },
        ],
      });
      const rewrite = async (x: typeof a, asValue: boolean) => {
        const root = parseJsonSource(source);
        const messages = root.kind === 'object' ? root.members.find((m) => m.key === 'messages')?.value : undefined;
        const items = (messages?.kind === 'array' ? messages.items : []).flatMap((message, i) => {
          const content = message.kind === 'object' ? message.members.find((m) => m.key === 'content')?.value : undefined;
          return content?.kind === 'string' ? [{ path: `messages[${i}].content`, text: content.value, node: content }] : [];
        });
        const analysis = x.sanitizer.analyzeItems(source, root, items);
        const plans = x.sanitizer.plan(analysis, x.policy);
        const vault = new RequestVault(x.random);
        return asValue ? x.sanitizer.rewriteValue(analysis, plans, 's', vault) : JSON.parse(await x.sanitizer.rewrite(analysis, plans, 's', vault));
      };
      const text = await rewrite(a, false);
      const value = await rewrite(b, true);
      expect(value).toEqual(text);
      expect(JSON.stringify(value)).not.toContain('jane.doe@example.org');
    } finally {
      a.close();
      b.close();
    }
  });
});
