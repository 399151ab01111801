import { describe, expect, it } from 'vitest';
import { modelOpinion } from './model-opinion.js';

const entities = ['PERSON', 'LOCATION', 'ORGANIZATION'];

describe('model second opinion', () => {
  it('turns the entities the model names into spans, every whole-word occurrence', async () => {
    const text = 'Ingrid Tveit met ingrid at Tveit Rørlegger AS in Ålesund; Ingrid Tveit agreed.';
    const spans = await modelOpinion(text, {
      entities,
      maxChars: 10_000,
      ask: async () =>
        'Sure! ```json\n{"entities":[{"type":"PERSON","text":"Ingrid Tveit"},{"type":"LOCATION","text":"Ålesund"},{"type":"ORGANIZATION","text":"Tveit Rørlegger AS"},{"type":"SECRET","text":"x"},{"type":"PERSON","text":"Nobody Here"}]}\n```',
    });
    expect(spans.map((s) => [s.entity, text.slice(s.start, s.end)])).toEqual([
      ['PERSON', 'Ingrid Tveit'],
      ['PERSON', 'Ingrid Tveit'],
      ['LOCATION', 'Ålesund'],
      ['ORGANIZATION', 'Tveit Rørlegger AS'],
    ]);
  });

  it('sends the schema and the text, and skips texts over the limit without asking', async () => {
    let asked: { system: string; user: string; schema: Record<string, unknown> } | undefined;
    await modelOpinion('Call Ana', { entities, maxChars: 100, ask: async (r) => ((asked = r), '{"entities":[]}') });
    expect(asked?.user).toBe('Call Ana');
    expect(JSON.stringify(asked?.schema)).toContain('"enum":["PERSON","LOCATION","ORGANIZATION"]');
    let calls = 0;
    expect(await modelOpinion('x'.repeat(101), { entities, maxChars: 100, ask: async () => (calls++, '{}') })).toEqual([]);
    expect(calls).toBe(0);
  });

  it('fails closed on an answer that is not the requested JSON', async () => {
    await expect(modelOpinion('Call Ana', { entities, maxChars: 100, ask: async () => 'lorem ipsum gibberish' })).rejects.toMatchObject({
      code: 'DETECTION_FAILED',
    });
  });
});
