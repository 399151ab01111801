import { AirlockError } from '../core/errors.js';
import type { JsonNode } from '../core/json-source.js';
import type { Item } from '../transform/sanitizer.js';

/**
 * The values of an OpenAI request that carry content: message text (plain or in content
 * parts), tool-call arguments and tool results; embedding inputs. Everything else — model,
 * parameters, tool schemas — is left as it is.
 */
export function chatItems(root: JsonNode, sf: { object?: string } = {}): Item[] {
  const messages = member(root, 'messages');
  if (root.kind !== 'object' || messages?.kind !== 'array') {
    throw new AirlockError('INPUT_INVALID', 'a chat request needs a "messages" array');
  }
  if (member(root, 'model')?.kind !== 'string') throw new AirlockError('INPUT_INVALID', 'a chat request needs a "model" string');
  const items: Item[] = [];
  const push = (node: JsonNode, path: string) => {
    if (node.kind === 'string') items.push({ path, text: node.value, node, ...(sf.object ? { object: sf.object } : {}) });
  };
  messages.items.forEach((message, i) => {
    if (message.kind !== 'object') throw new AirlockError('INPUT_INVALID', `messages[${i}] must be an object`);
    const content = member(message, 'content');
    if (content?.kind === 'string') push(content, `messages[${i}].content`);
    else if (content?.kind === 'array') {
      content.items.forEach((part, j) => {
        const text = part.kind === 'object' ? member(part, 'text') : undefined;
        if (text) push(text, `messages[${i}].content[${j}].text`);
      });
    } else if (content && content.kind !== 'literal') {
      throw new AirlockError('INPUT_INVALID', `messages[${i}].content must be a string, an array of parts or null`);
    }
    const calls = member(message, 'tool_calls');
    if (calls?.kind === 'array') {
      calls.items.forEach((call, k) => {
        const fn = call.kind === 'object' ? member(call, 'function') : undefined;
        const args = fn && fn.kind === 'object' ? member(fn, 'arguments') : undefined;
        if (args) push(args, `messages[${i}].tool_calls[${k}].function.arguments`);
      });
    }
  });
  return items;
}

export function embeddingItems(root: JsonNode): Item[] {
  const input = member(root, 'input');
  if (root.kind !== 'object' || !input) throw new AirlockError('INPUT_INVALID', 'an embeddings request needs "input"');
  if (input.kind === 'string') return [{ path: 'input', text: input.value, node: input }];
  if (input.kind === 'array' && input.items.every((n) => n.kind === 'string')) {
    return input.items.map((node, i) => ({ path: `input[${i}]`, text: (node as { value: string }).value, node }));
  }
  throw new AirlockError('INPUT_INVALID', 'embeddings "input" must be a string or an array of strings (token arrays are not inspectable)');
}

export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i]?.key === key) return node.members[i]?.value;
  return undefined;
}
