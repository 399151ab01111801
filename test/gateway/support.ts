import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/gateway/server.js';

/** A real gateway listening on 127.0.0.1 with a fresh data directory and a client key. */
export async function startGateway(options: Partial<GatewayOptions> & { policy?: object } = {}): Promise<{
  gateway: Gateway;
  url: string;
  key: string;
  sandboxKey: string;
  dataDir: string;
  close(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'airlock-gw-'));
  let configFile = options.configFile;
  if (options.policy) {
    configFile = join(dataDir, 'policy.json');
    writeFileSync(configFile, JSON.stringify(options.policy));
  }
  const { policy: _policy, ...rest } = options;
  const gateway = await createGateway({
    dataDir,
    env: { AIRLOCK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') },
    auditDurability: 'commit',
    ...rest,
    ...(configFile ? { configFile } : {}),
  });
  const address = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
  const key = gateway.keys.create({ client: 'crm-prod', environment: 'prod' }).apiKey;
  const sandboxKey = gateway.keys.create({ client: 'crm-sandbox', environment: 'sandbox' }).apiKey;
  return { gateway, url: `${address}/v1`, key, sandboxKey, dataDir, close: () => gateway.close() };
}
