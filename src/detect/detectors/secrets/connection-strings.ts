import type { DetectorSpec, Validation } from '../../spec.js';
import { isTrivialPassword } from './checks.js';

/** Connection strings and URLs that carry a password inline. */

const HOST = String.raw`[A-Za-z0-9._~%\[\]-]+(?::\d+)?`;
// Path and query may follow, but the match does not end on punctuation that closes a sentence.
const PATH_AND_QUERY = String.raw`(?:[/?][^\s"'<>\x60]*[A-Za-z0-9_=&%/-])?`;

/** The password of `scheme://user:password@host…`, or undefined. */
export function uriPassword(uri: string): string | undefined {
  const afterScheme = uri.indexOf('://');
  if (afterScheme < 0) return undefined;
  const rest = uri.slice(afterScheme + 3);
  const colon = rest.indexOf(':');
  if (colon < 0) return undefined;
  // The password has no `/`, `?` or `#`; the last `@` before the first of them ends it.
  const stop = rest.slice(colon + 1).search(/[/?#]/);
  const authorityEnd = stop < 0 ? rest.length : colon + 1 + stop;
  const at = rest.lastIndexOf('@', authorityEnd);
  return at > colon ? rest.slice(colon + 1, at) : undefined;
}

function uriWithRealPassword(value: string): Validation {
  const password = uriPassword(value);
  return password === undefined || isTrivialPassword(password) ? 'reject' : undefined;
}

/** `Password=…` / `Pwd=…` in an ADO.NET or ODBC string, or `password=…` in a JDBC URL. */
function keyedPassword(value: string): Validation {
  const m = /(?:password|pwd)\s*=\s*(\{[^}]*\}|[^;&]*)/i.exec(value);
  if (!m) return 'reject';
  const password = (m[1] as string).replace(/^\{(.*)\}$/, '$1');
  return isTrivialPassword(password) ? 'reject' : undefined;
}

export const connectionStringDetectors: DetectorSpec[] = [
  {
    id: 'database-url',
    entity: 'CONNECTION_STRING',
    description: 'Database or broker URL with an inline password (postgres, mysql, mongodb, redis, amqp, mssql…).',
    patterns: [
      {
        name: 'uri',
        regex:
          String.raw`(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse)://` +
          String.raw`[^\s:@/?#"'<>]*:[^\s/?#"'<>]+@${HOST}(?:,${HOST})*${PATH_AND_QUERY}`,
        score: 0.9,
        flags: 'i',
      },
    ],
    keywords: [
      'postgres://',
      'postgresql://',
      'mysql://',
      'mariadb://',
      'mongodb://',
      'mongodb+srv://',
      'redis://',
      'rediss://',
      'amqp://',
      'amqps://',
      'mssql://',
      'sqlserver://',
      'cockroachdb://',
      'clickhouse://',
    ],
    rejectPlaceholders: true,
    validate: uriWithRealPassword,
    samples: {
      tp: [
        'postgres://crm_sync:TolbnmpZyXPKk9c2@db-prod-2.internal:5432/crm',
        { text: '{"DATABASE_URL": "postgresql://app:jTZpHmEmkxJy34tWHmGJ@10.0.4.17:5432/orders?sslmode=require"}', value: 'postgresql://app:jTZpHmEmkxJy34tWHmGJ@10.0.4.17:5432/orders?sslmode=require' },
        { text: 'MONGO_URI=mongodb+srv://reporting:ptS0drDRMLKnI6@cluster0.ab1cd.mongodb.net/analytics', value: 'mongodb+srv://reporting:ptS0drDRMLKnI6@cluster0.ab1cd.mongodb.net/analytics' },
        { text: 'cache at redis://:KvOL4E6VCxbfRle8wdAdpENn@cache.internal:6379/0.', value: 'redis://:KvOL4E6VCxbfRle8wdAdpENn@cache.internal:6379/0' },
        'mongodb://admin:oiNHVlcaLKUT@mongo1.internal:27017,mongo2.internal:27017/crm?replicaSet=rs0',
        'amqps://billing:1sYRwjGFw2vZMqgWzt@mq.internal/vhost',
      ],
      fp: [
        'postgres://user:password@localhost:5432/mydb',
        'postgres://localhost:5432/crm',
        'mysql://root:${MYSQL_ROOT_PASSWORD}@db:3306/app',
        'postgres://crm_sync:<password>@db.internal/crm',
        'redis://cache.internal:6379/0',
        'mongodb://admin:****@mongo.internal/crm',
        'postgres://app:bTZ0m3dy6sc3HA05@db.example.com/crm',
      ],
    },
  },
  {
    id: 'jdbc-connection-string',
    entity: 'CONNECTION_STRING',
    description: 'JDBC URL with a password parameter (…?user=x&password=y, …;password=y) or Oracle user/password@.',
    patterns: [
      { name: 'password-param', regex: String.raw`jdbc:[a-z0-9]+:[^\s"'<>]*?[?&;]password=[^\s&;"'<>]+`, score: 0.9, flags: 'i' },
      { name: 'oracle-thin', regex: String.raw`jdbc:oracle:thin:[^\s/@:"'<>]+/[^\s@"'<>]+@[^\s"'<>]+`, score: 0.9, flags: 'i' },
    ],
    keywords: ['jdbc:'],
    rejectPlaceholders: true,
    validate: (value) => {
      if (/[?&;]password=/i.test(value)) return keyedPassword(value);
      const m = /^jdbc:oracle:thin:[^/]+\/([^@]+)@/i.exec(value);
      return m && !isTrivialPassword(m[1] as string) ? undefined : 'reject';
    },
    samples: {
      tp: [
        'jdbc:postgresql://db.internal:5432/crm?user=etl&password=M4hcytjku1HqeYVf',
        { text: 'url=jdbc:sqlserver://sql01.corp.local:1433;databaseName=Sales;user=sa;password=9Mqsse0ArcTK3m;encrypt=true', value: 'jdbc:sqlserver://sql01.corp.local:1433;databaseName=Sales;user=sa;password=9Mqsse0ArcTK3m' },
        'jdbc:oracle:thin:crm_app/x1UCh7wEA4Fi@ora-prod.internal:1521:ORCL',
      ],
      fp: [
        'jdbc:postgresql://db.internal:5432/crm?user=etl&password=${DB_PASSWORD}',
        'jdbc:postgresql://db.internal:5432/crm?user=etl',
        'jdbc:mysql://db.internal/crm?user=app&password=password',
      ],
    },
  },
  {
    id: 'ado-connection-string',
    entity: 'CONNECTION_STRING',
    description: 'ADO.NET / ODBC connection string with a password: Server=…;…;Password=… (either order).',
    patterns: [
      {
        name: 'server-first',
        regex: String.raw`(?:Server|Data Source|Host|Address|Addr|Network Address)\s*=\s*[^;"'\r\n]+;(?:[^;"'\r\n]*;)*?\s*(?:Password|Pwd)\s*=\s*(?:\{[^}\r\n]*\}|[^;"'\r\n]+)`,
        score: 0.9,
        flags: 'i',
      },
      {
        name: 'password-first',
        regex: String.raw`(?:Password|Pwd)\s*=\s*(?:\{[^}\r\n]*\}|[^;"'\r\n]+);(?:[^;"'\r\n]*;)*?\s*(?:Server|Data Source|Host)\s*=\s*[^;"'\r\n]+`,
        score: 0.9,
        flags: 'i',
      },
    ],
    keywords: ['password', 'pwd'],
    rejectPlaceholders: true,
    validate: keyedPassword,
    samples: {
      tp: [
        'Server=tcp:crm-sql.database.windows.net,1433;Initial Catalog=Sales;User ID=etl_user;Password=zKBBY74VsgeAqt6Q',
        {
          text: '"ConnectionStrings": { "Crm": "Data Source=SQL01;Initial Catalog=Crm;User Id=svc_crm;Password=xyq2kTV09Ahwms;Encrypt=True" }',
          value: 'Data Source=SQL01;Initial Catalog=Crm;User Id=svc_crm;Password=xyq2kTV09Ahwms',
        },
        { text: 'Driver={ODBC Driver 18};Uid=report;Pwd=HdbcN72opHeM;Server=10.1.2.3', value: 'Pwd=HdbcN72opHeM;Server=10.1.2.3' },
      ],
      fp: [
        'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
        'Server=sql01;Database=Crm;Trusted_Connection=True;',
        'Server=sql01;Database=Crm;User Id=sa;Password=${SQL_PASSWORD};',
        'Please reset your password; the server will email a link.',
      ],
    },
  },
  {
    id: 'basic-auth-url',
    entity: 'BASIC_AUTH_URL',
    description: 'HTTP(S) or FTP URL with user:password@ credentials; the finding runs to the host and port.',
    patterns: [{ name: 'userinfo', regex: String.raw`(?:https?|ftps?)://[^\s:@/?#"'<>]+:[^\s/?#"'<>]+@${HOST}`, score: 0.9, flags: 'i' }],
    keywords: ['://'],
    rejectPlaceholders: true,
    validate: uriWithRealPassword,
    samples: {
      tp: [
        'https://deploy:E5wMOeDsliLYVZHHHw@artifacts.acme-crm.io',
        { text: 'git remote add origin https://oauth2:PpwMXF9Ug49-nJOX-VJDanMufO@git.acme-crm.io/crm/sync.git', value: 'https://oauth2:PpwMXF9Ug49-nJOX-VJDanMufO@git.acme-crm.io' },
        { text: 'proxy: http://svc-proxy:EoJTcnwTYO7a@10.20.0.5:3128 (internal)', value: 'http://svc-proxy:EoJTcnwTYO7a@10.20.0.5:3128' },
      ],
      fp: [
        'https://user:password@example.com',
        'https://git.acme-crm.io/crm/sync.git',
        'https://svc@git.acme-crm.io/crm',
        'https://deploy:<token>@artifacts.acme-crm.io',
        'see https://acme-crm.io/docs?a=b:c@d for details',
      ],
    },
  },
];
