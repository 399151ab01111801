import type { StartsAt } from '../../anchors.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { requireLettersAndDigits } from './checks.js';

/** Tokens and webhook URLs of chat, SMS and e-mail services. */

/** The first part of a Discord bot token is the bot's numeric user id in base64. */
function discordUserIdSegment(token: string): Validation {
  const first = token.slice(0, token.indexOf('.'));
  const id = Buffer.from(first, 'base64url').toString('latin1');
  return /^\d{17,20}$/.test(id) ? undefined : 'reject';
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiAlnumCode = (c: number): boolean => isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Where a Telegram bot token may start: before each colon, a bot id of 8–10 digits that
 * stands alone (nothing alphanumeric before it) or follows "bot" ("/bot123456789:AA…"), in
 * which case the match starts at "bot".
 */
function botTokenStarts(text: string): number[] {
  const starts: number[] = [];
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let id = colon;
    while (id > 0 && colon - id < 11 && isDigitCode(text.charCodeAt(id - 1))) id--;
    const digits = colon - id;
    if (digits < 8 || digits > 10) continue;
    if (id >= 3 && text.startsWith('bot', id - 3)) starts.push(id - 3);
    else if (id === 0 || !isAsciiAlnumCode(text.charCodeAt(id - 1))) starts.push(id);
  }
  return starts;
}
const startsBotToken: StartsAt = Object.assign(
  (text: string, start: number) => botTokenStarts(text).includes(start),
  { index: { locate: botTokenStarts } },
);

export const messagingDetectors: DetectorSpec[] = [
  {
    id: 'slack-token',
    entity: 'SECRET',
    description: 'Slack bot (xoxb-), user (xoxp-), workspace (xoxa-), refresh (xoxe-) or other xox token.',
    patterns: [
      { name: 'classic', regex: String.raw`xox[abposr]-(?:[0-9]+-){1,4}[A-Za-z0-9]{20,}`, score: 0.95 },
      { name: 'rotating', regex: String.raw`xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,}`, score: 0.95 },
    ],
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxo-', 'xoxr-', 'xoxs-', 'xoxe'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'xoxb-3822283028878-0506194922211-TdholNC5vMOYcIoo920KUAZj',
        { text: 'SLACK_BOT_TOKEN=xoxb-438492281260-6661097487798-bVsjRVFjXOCE5c1cxVC91iyL', value: 'xoxb-438492281260-6661097487798-bVsjRVFjXOCE5c1cxVC91iyL' },
        { text: 'user token xoxp-44904979001-866090898145-7973155365630-ff13146b1c7114313d0c408f032a3094.', value: 'xoxp-44904979001-866090898145-7973155365630-ff13146b1c7114313d0c408f032a3094' },
        'xoxe.xoxp-1-KFADohYvAD8VbcwGaKFWRvt4iyfV7x3MbIjGpf5ziZI9MKrDTSkT1OrPzWVYqwVpJEuITGsI2ARvoGU66r5VyRnsOkXiENjIu4ZbRyjeRwVYP9XKD8FbHVz3mexMxKzhPLhrCgAygSR7kHmSXo',
      ],
      fp: [
        'xoxb-XXXXXXXXXXXX-XXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX',
        'xoxb-your-token',
        'xoxb-...',
        'xoxb-273379853148-gIwj5UkbOA',
      ],
    },
  },
  {
    id: 'slack-app-token',
    entity: 'SECRET',
    description: 'Slack app-level token: xapp-<version>-<app id>-<number>-<64 hex>.',
    patterns: [{ name: 'prefixed', regex: String.raw`xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{32,}`, score: 0.95 }],
    keywords: ['xapp-'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'xapp-1-A0ZK8EXMR7H-6039012564820-ed13755c29000e1d2d090dc852c9f8af76cbe2fca176457f459b9464b04ace5f',
        { text: 'SLACK_APP_TOKEN="xapp-1-A0Z9MNH2UPO-0084309737634-7904e0d02aa973aa0ead18f9c6d659c5087e4e1014e864aebddb626a9b8dc742"', value: 'xapp-1-A0Z9MNH2UPO-0084309737634-7904e0d02aa973aa0ead18f9c6d659c5087e4e1014e864aebddb626a9b8dc742' },
      ],
      fp: ['xapp-1-...', 'xapp-1-A07QZ5KQAB8-8722708139769-5e3acbaa39f521bf'],
    },
  },
  {
    id: 'slack-webhook-url',
    entity: 'SECRET',
    description: 'Slack incoming-webhook or workflow URL on hooks.slack.com; whoever holds it can post.',
    patterns: [
      {
        name: 'url',
        regex: String.raw`https://hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,12}/[A-Z0-9]{6,12}/(?:[0-9]+/)?[A-Za-z0-9]{24,}`,
        score: 0.95,
      },
    ],
    keywords: ['hooks.slack.com'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'https://hooks.slack.com/services/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',
        {
          text: 'post alerts to https://hooks.slack.com/services/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 please',
          value: 'https://hooks.slack.com/services/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',
        },
      ],
      fp: [
        'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'https://hooks.slack.com/services/',
        'https://api.slack.com/messaging/webhooks',
      ],
    },
  },
  {
    id: 'discord-bot-token',
    entity: 'SECRET',
    description: 'Discord bot token: base64 of the bot user id, a timestamp and an HMAC, separated by dots.',
    patterns: [
      { name: 'three-part', regex: String.raw`[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}`, score: 0.85 },
    ],
    keywords: ['discord', 'bot'],
    minEntropy: 4.0,
    rejectPlaceholders: true,
    validate: discordUserIdSegment,
    samples: {
      tp: [
        { text: 'DISCORD_BOT_TOKEN=ODM0MDE5Mjc1NTYxMDQ4Mzky.ZL33Oh.t_qEoYSK78lUmgnaK9anfqQPgoY1eD6QLZ-ztc', value: 'ODM0MDE5Mjc1NTYxMDQ4Mzky.ZL33Oh.t_qEoYSK78lUmgnaK9anfqQPgoY1eD6QLZ-ztc' },
        { text: 'Authorization: Bot MTEyOTM4NDc1NjEwMjkzODQ3NQ.xhmZC6.A7ka89Pw7WJtJngjBLpwyHbY3jG', value: 'MTEyOTM4NDc1NjEwMjkzODQ3NQ.xhmZC6.A7ka89Pw7WJtJngjBLpwyHbY3jG' },
      ],
      fp: [
        'discord bot token MUzHPZ7W8laiP2dMO5bwehEc.HdiUS6.RklNKoul90Dr3BicZ1ZObmkfHryZSyinwNnUUq',
        'bot token ODM0MDE5Mjc1NTYxMDQ4Mzky.XXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'discord bot ODM0MDE5Mjc1NTYxMDQ4Mzky.LpL_LA',
      ],
    },
  },
  {
    id: 'discord-webhook-url',
    entity: 'SECRET',
    description: 'Discord webhook URL: discord.com/api/webhooks/<id>/<token>; whoever holds it can post.',
    patterns: [
      {
        name: 'url',
        regex: String.raw`https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api(?:/v\d+)?/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68}`,
        score: 0.95,
      },
    ],
    keywords: ['discord'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'https://discord.com/api/webhooks/6929288040736044695/t1Z9Xcw43c8wcCjiTyYZ3MphZvXT2yN-ITV9aImIBTlzXr9hOvI7Os_mQbjCr4Q8f_H0',
        { text: 'webhook: https://discordapp.com/api/webhooks/309957516269243168/s7WSzAXSyAJqsmHj7WmsPj7AWfZLOnGDvlYPHlvC8uw2Tj-tK5xz8pCFAz-f3yvLSlAo (ops)', value: 'https://discordapp.com/api/webhooks/309957516269243168/s7WSzAXSyAJqsmHj7WmsPj7AWfZLOnGDvlYPHlvC8uw2Tj-tK5xz8pCFAz-f3yvLSlAo' },
      ],
      fp: ['https://discord.com/api/webhooks/{id}/{token}', 'https://discord.com/api/webhooks/1625690116327056246/LqLmAWCUdjZax9lWUqTl', 'https://discord.com/developers/docs'],
    },
  },
  {
    id: 'telegram-bot-token',
    entity: 'SECRET',
    description: 'Telegram bot token: the bot id, a colon and 35 characters, next to Telegram or bot words.',
    patterns: [
      // Tried where a bot id and colon stand (see `botTokenStarts`); the optional prefix admits
      // the `/bot<token>` form of API URLs.
      {
        name: 'id-colon-secret',
        regex: String.raw`(?:bot)?(\d{8,10}:[A-Za-z0-9_-]{35})(?:[^A-Za-z0-9_-]|$)`,
        score: 0.55,
        group: 1,
        startsAt: startsBotToken,
      },
    ],
    boundary: 'none',
    keywords: ['telegram', 'bot'],
    minDigits: 8,
    context: ['telegram', 'bot', 'telegram_bot_token', 'telegram_token', 'bot_token', 'botfather'],
    contextRequired: true,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        { text: 'TELEGRAM_BOT_TOKEN=2643098400:AAYxvk1sABNSMAhyNPc4iB2az_ikxpuetv-', value: '2643098400:AAYxvk1sABNSMAhyNPc4iB2az_ikxpuetv-' },
        { text: 'curl https://api.telegram.org/bot3529658861:AAWxPe5n4KGWuUlKYQXJn2uQXZo7Hi4fleW/getMe', value: '3529658861:AAWxPe5n4KGWuUlKYQXJn2uQXZo7Hi4fleW' },
      ],
      fp: [
        '6040644585:AAFvz0xc1gQU636pRBZs_OdTS6cvo2w3xOm',
        'telegram bot 123456789:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'telegram bot 0174431752:AAfmijOh6axuh5ZZ-cQ4Hd',
        'telegram bot 867565500146:AAV7PcHtj9_OcbC-1-qYlCNSmIpL2wn9ytS',
      ],
    },
  },
  {
    id: 'twilio-account-sid',
    entity: 'SECRET',
    description: 'Twilio Account SID: AC followed by 32 hex digits, next to Twilio words.',
    patterns: [{ name: 'prefixed', regex: 'AC[a-f0-9]{32}', score: 0.5 }],
    keywords: ['twilio', 'account_sid', 'accountsid', 'account sid'],
    minDigits: 4,
    context: ['twilio', 'twilio_account_sid', 'account_sid', 'accountsid', 'account sid'],
    contextRequired: true,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: [
        { text: 'TWILIO_ACCOUNT_SID=AC4ad7db7a6894e62f049b6b633f0ab6dd', value: 'AC4ad7db7a6894e62f049b6b633f0ab6dd' },
        { text: 'Twilio account ACdf8729ecd49920a32dccdbe45313ced1 sends the SMS reminders', value: 'ACdf8729ecd49920a32dccdbe45313ced1' },
      ],
      fp: ['AC5339c69337c034ce0550022bd6c26fbc', 'TWILIO_ACCOUNT_SID=ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'Twilio ACb7eb148426bae7bd4d42', 'twilio ACcafebabedeadbeefcafebabedeadbeef'],
    },
  },
  {
    id: 'twilio-api-key',
    entity: 'SECRET',
    description: 'Twilio API key SID: SK followed by 32 hex digits.',
    patterns: [{ name: 'prefixed', regex: 'SK[a-f0-9]{32}', score: 0.8 }],
    keywords: ['sk'],
    minDigits: 8,
    context: ['twilio', 'twilio_api_key', 'api_key_sid', 'api key'],
    contextBoost: 0.15,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: ['SKa2c831d253530315f66188d11ab210d2', { text: 'TWILIO_API_KEY=SK15e6d6b8c5c3c97017f57ab75f40ec1d', value: 'SK15e6d6b8c5c3c97017f57ab75f40ec1d' }],
      fp: ['SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'SK8c33e2319fce92c89e3c', 'SKU 12345678 in stock', 'ASK9e1fcc87cb59696df3561a50310f645d'],
    },
  },
  {
    id: 'twilio-auth-token',
    entity: 'SECRET',
    description: 'Twilio auth token: 32 hex digits next to the word Twilio.',
    patterns: [{ name: 'hex', regex: '[a-f0-9]{32}', score: 0.5 }],
    keywords: ['twilio'],
    minDigits: 4,
    context: ['twilio', 'twilio_auth_token'],
    contextRequired: true,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: [
        { text: 'TWILIO_AUTH_TOKEN=a309e35508ba328b454f74f2d13747e9', value: 'a309e35508ba328b454f74f2d13747e9' },
        { text: 'Twilio auth token: 95a09b4461f7b01408015cb7424b0259', value: '95a09b4461f7b01408015cb7424b0259' },
      ],
      fp: ['auth token 997317cacedb6acee5c149a5ac9055a6', 'TWILIO_AUTH_TOKEN=00000000000000000000000000000000', 'Twilio message SMc48ab537f08fb813cce141894fea549e'],
    },
  },
  {
    id: 'sendgrid-api-key',
    entity: 'SECRET',
    description: 'SendGrid API key: SG.<22 characters>.<43 characters>.',
    patterns: [{ name: 'prefixed', regex: String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`, score: 0.95 }],
    keywords: ['sg.'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'SENDGRID_API_KEY=\'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\'', value: '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' }],
      fp: ['SG.XXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'SG.beoE26BW2AdrlyAZGyUzHR', 'the msg.body was empty'],
    },
  },
  {
    id: 'mailgun-api-key',
    entity: 'SECRET',
    description: 'Mailgun API key: key- and 32 hex digits, or the newer <32 hex>-<8 hex>-<8 hex>, next to Mailgun.',
    patterns: [
      { name: 'legacy', regex: 'key-[a-f0-9]{32}', score: 0.6 },
      { name: 'current', regex: '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}', score: 0.6 },
    ],
    keywords: ['mailgun', 'mg_api_key'],
    context: ['mailgun', 'mailgun_api_key', 'mailgun_key', 'mg_api_key'],
    contextRequired: true,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: [
        { text: 'MAILGUN_API_KEY=key-6523b9f80208a590c6417a80668a0529', value: 'key-6523b9f80208a590c6417a80668a0529' },
        { text: 'mailgun private key c14a9ea16595541118382087609ebf84-28ba60a6-3d0c8cfd', value: 'c14a9ea16595541118382087609ebf84-28ba60a6-3d0c8cfd' },
      ],
      fp: ['key-ad19785afd515fecdbac75ced48bea4c', 'MAILGUN_API_KEY=key-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'mailgun key-fb5d5fa5bba2f333'],
    },
  },
];
