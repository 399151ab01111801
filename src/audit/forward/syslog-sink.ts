import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { isIPv6, connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { AirlockError } from '../../core/errors.js';
import { octetCountingFrame, toSyslog, type FormatOptions } from '../formats.js';
import type { StoredRecord } from '../store.js';
import { ForwardError, type ForwardSink } from './sink.js';

export interface SyslogSinkOptions {
  /** `syslog+udp://host:514`, `syslog+tcp://host:601` or `syslog+tls://host:6514` */
  url: string;
  /** for TLS: CA, client certificate, servername… (certificates are verified unless you say otherwise) */
  tls?: ConnectionOptions;
  format?: FormatOptions;
  /** connect and write timeout (default 10 s) */
  timeoutMs?: number;
  /**
   * TCP and TLS: how long the connection must survive a batch before it counts as delivered
   * (default 250 ms). Syslog has no acknowledgements; a collector that drops the connection
   * right after a write makes the batch go again instead of vanishing.
   */
  settleMs?: number;
}

type Transport = 'udp' | 'tcp' | 'tls';

/**
 * RFC 5424 messages over UDP (RFC 5426: one message per datagram), TCP (RFC 6587
 * octet-counting) or TLS (RFC 5425, same framing). UDP cannot tell a lost datagram: use it
 * only for a collector on the same host or network segment; TCP/TLS reconnect and resend.
 */
export function syslogSink(options: SyslogSinkOptions): ForwardSink {
  const url = new URL(options.url);
  const transport = ({ 'syslog+udp:': 'udp', 'syslog+tcp:': 'tcp', 'syslog+tls:': 'tls' } as const)[
    url.protocol as 'syslog+udp:' | 'syslog+tcp:' | 'syslog+tls:'
  ] as Transport | undefined;
  if (transport === undefined) {
    throw new AirlockError('CONFIG_INVALID', `syslog URL must start with syslog+udp://, syslog+tcp:// or syslog+tls://`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || (transport === 'tls' ? 6514 : transport === 'tcp' ? 601 : 514));
  const name = `syslog+${transport}://${url.host}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const format = (r: StoredRecord) => toSyslog(r, options.format ?? {});
  return transport === 'udp'
    ? udpSink(name, host, port, format)
    : streamSink(name, transport, host, port, format, timeoutMs, options.settleMs ?? 250, options.tls);
}

function udpSink(name: string, host: string, port: number, format: (r: StoredRecord) => string): ForwardSink {
  let socket: UdpSocket | undefined;
  return {
    name,
    async send(records) {
      socket ??= createSocket(isIPv6(host) ? 'udp6' : 'udp4');
      const s = socket;
      await Promise.all(
        records.map(
          (r) =>
            new Promise<void>((resolve, reject) => {
              s.send(Buffer.from(format(r), 'utf8'), port, host, (error) =>
                error ? reject(new ForwardError('syslog UDP send failed', { cause: error })) : resolve(),
              );
            }),
        ),
      );
    },
    async close() {
      const s = socket;
      socket = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

function streamSink(
  name: string,
  transport: 'tcp' | 'tls',
  host: string,
  port: number,
  format: (r: StoredRecord) => string,
  timeoutMs: number,
  settleMs: number,
  tlsOptions: ConnectionOptions | undefined,
): ForwardSink {
  let socket: Socket | undefined;
  /** rejects the batch in flight when the connection breaks */
  let broken: ((error: Error) => void) | undefined;

  const drop = (error: Error) => {
    const s = socket;
    socket = undefined;
    s?.destroy();
    broken?.(error);
  };

  const connect = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const s =
        transport === 'tls'
          ? tlsConnect({ host, port, servername: host, ...tlsOptions })
          : tcpConnect({ host, port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new ForwardError(`syslog ${transport} connect to ${host}:${port} timed out`));
      }, timeoutMs);
      s.once(transport === 'tls' ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        s.setNoDelay(true);
        s.setKeepAlive(true, 30_000);
        s.on('error', (error) => {
          if (socket === s) drop(new ForwardError(`syslog ${transport} connection failed`, { cause: error }));
        });
        s.on('close', () => {
          if (socket === s) drop(new ForwardError(`syslog ${transport} connection closed by the collector`));
        });
        // A collector that half-closes will not read any more.
        s.on('end', () => {
          if (socket === s) drop(new ForwardError(`syslog ${transport} connection ended by the collector`));
        });
        s.resume();
        resolve(s);
      });
      s.once('error', (error) => {
        clearTimeout(timer);
        reject(new ForwardError(`syslog ${transport} connect to ${host}:${port} failed`, { cause: error }));
      });
    });

  return {
    name,
    async send(records) {
      const s = (socket ??= await connect());
      const payload = Buffer.from(records.map((r) => octetCountingFrame(format(r))).join(''), 'utf8');
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const finish = (error?: Error) => {
          if (settled) return;
          settled = true;
          clearTimeout(writeTimer);
          clearTimeout(settleTimer);
          broken = undefined;
          if (error) reject(error);
          else resolve();
        };
        let settleTimer: NodeJS.Timeout | undefined;
        const writeTimer = setTimeout(() => {
          drop(new ForwardError(`syslog ${transport} write timed out (collector not reading)`));
        }, timeoutMs);
        broken = finish;
        s.write(payload, (error) => {
          if (error) {
            drop(new ForwardError(`syslog ${transport} write failed`, { cause: error }));
            return;
          }
          clearTimeout(writeTimer);
          settleTimer = setTimeout(() => finish(), settleMs);
        });
      });
    },
    async close() {
      const s = socket;
      socket = undefined;
      if (s) await new Promise<void>((resolve) => s.end(() => resolve()));
    },
  };
}
