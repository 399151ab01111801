import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { formatVerifyReport, openAudit, verifyChain } from '../audit/index.js';
import { createGateway } from '../gateway/server.js';
import type { CliIo } from './io.js';

/** The scripted calls: what Salesforce integrations really send. */
const SCENARIOS: Array<{ name: string; model: string; origin?: string; object?: string; prompt: string }> = [
  {
    name: 'Case summary with patient data',
    model: 'default',
    object: 'Case',
    prompt:
      'Summarise case 5003000000D8cuI: patient Sean O\'Brien, DOB 03/11/1962, MRN: 884213, was diagnosed with type 2 diabetes and prescribed metformin. Call back on +44 20 7946 0958.',
  },
  {
    name: 'HR compensation review',
    model: 'default',
    object: 'Employee_Review__c',
    prompt:
      'Draft feedback for Priya Patel (priya.patel@acme.example): calibration rated her "exceeds expectations"; proposed base salary $195,000 and a bonus of $30,000.',
  },
  {
    name: 'Fintech client note',
    model: 'default',
    object: 'Account',
    prompt:
      'Client Jürgen Müller asks to move funds from IBAN DE89 3704 0044 0532 0130 00 and to replace card 4111 1111 1111 1111. Reply politely.',
  },
  {
    name: 'Prompt carrying an API key',
    model: 'default',
    prompt: 'Why does our Apex callout fail? We use Authorization: Bearer sk-proj-Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3c',
  },
  {
    name: 'EU personal data to a US vendor',
    model: 'gpt-4o',
    origin: 'DE',
    prompt: 'Write a renewal email to Zoë Dubois (zoe.dubois@example.fr) about her contract.',
  },
];

/** A sovereign model stand-in on 127.0.0.1 that answers by repeating what it was sent. */
async function startEchoModel(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      if (req.url?.endsWith('/models')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'echo', object: 'model' }] }));
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { messages: Array<{ content: string }>; model: string };
      const prompt = body.messages.at(-1)?.content ?? '';
      seen.push(prompt);
      const answer = `Noted. I worked on: ${prompt}`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({ id: 'demo', object: 'chat.completion', created: 0, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' }] }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `airlock demo`: a gateway on a free port, a client, five realistic calls, and what happened to each. */
export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('run a gateway on a free port and send realistic Salesforce integration calls through it')
    .option('--data-dir <dir>', 'state directory (default: a temporary one, removed afterwards)')
    .action(async (options: { dataDir?: string }) => {
      const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'airlock-demo-'));
      const echo = await startEchoModel();
      const policyFile = join(dataDir, 'demo-policy.json');
      writeFileSync(
        policyFile,
        JSON.stringify({
          version: 'demo-1',
          endpoints: [
            { id: 'sovereign-de', kind: 'openai-compatible', url: echo.url, models: ['echo'], defaultModel: 'echo', jurisdiction: 'DE', sovereign: true, priority: 10 },
            { id: 'us-vendor', kind: 'openai-compatible', url: 'https://api.us-llm.example/v1', models: ['gpt-4o'], jurisdiction: 'US', retention: 30, priority: 50 },
          ],
          aliases: { default: 'sovereign-de' },
          rules: [{ id: 'dob-to-year', match: { entity: 'DATE_OF_BIRTH' }, action: { generalize: { to: 'year' } } }],
        }),
      );
      const gateway = await createGateway({ dataDir, configFile: policyFile });
      const address = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
      const key = gateway.keys.create({ client: 'salesforce-demo', environment: 'prod' }).apiKey;
      io.out(`Airlock demo: gateway at ${address}, client "salesforce-demo" (prod), policy demo-1; the model is a local echo stand-in (DE, sovereign).\n\n`);
      try {
        for (const scenario of SCENARIOS) {
          const before = echo.seen.length;
          const res = await fetch(`${address}/v1/chat/completions`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${key}`,
              'content-type': 'application/json',
              'x-airlock-session': `demo-${scenario.name.replace(/\W+/g, '-').toLowerCase()}`,
              ...(scenario.origin ? { 'x-airlock-origin': scenario.origin } : {}),
              ...(scenario.object ? { 'x-sfdc-object': scenario.object } : {}),
            },
            body: JSON.stringify({ model: scenario.model, messages: [{ role: 'user', content: scenario.prompt }] }),
          });
          const body = (await res.json()) as { choices?: Array<{ message: { content: string } }>; error?: { code: string; message: string } };
          const decision = parseDecision(res.headers.get('x-airlock-decision') ?? '');
          io.out(`■ ${scenario.name}\n`);
          if (!res.ok) {
            io.out(`  outcome     BLOCKED ${res.status} ${body.error?.code}: ${body.error?.message}\n`);
            io.out(`  sent        nothing (the model was never called)\n\n`);
            continue;
          }
          io.out(`  found       ${decision.entities || 'nothing sensitive'}\n`);
          io.out(`  route       ${decision.endpoint} (${decision.jurisdiction}), verdict ${decision.verdict}\n`);
          io.out(`  model saw   ${clip(echo.seen.slice(before).join(' | '))}\n`);
          io.out(`  caller got  ${clip(body.choices?.[0]?.message.content ?? '')}\n\n`);
        }
      } finally {
        await gateway.close();
        await echo.close();
      }
      // every call above, the blocked one included, left metadata-only records in the chain
      const audit = openAudit({ dataDir, readOnly: true });
      try {
        const report = await verifyChain(audit.store, { trusted: audit.trusted, headFile: audit.headFile });
        io.out(`Audit trail (${options.dataDir ?? 'temporary directory'}):\n${formatVerifyReport(report)}`);
      } finally {
        await audit.store.close();
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    });
}

function parseDecision(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
  }
  if (out.entities) out.entities = out.entities.split(',').map((e) => e.replace(':', ' → ').replace('=', ' ×')).join(', ');
  return out;
}

function clip(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
