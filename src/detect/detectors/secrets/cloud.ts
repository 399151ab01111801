import { runOf } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { requireLettersAndDigits, requireMixedCase } from './checks.js';

/** Credentials of cloud platforms: AWS, Azure, Google Cloud, DigitalOcean, Databricks. */

/** A-Z a-z 0-9 / + : the characters of an AWS secret key. */
const isBase64Code = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 47 || c === 43;

export const cloudDetectors: DetectorSpec[] = [
  {
    id: 'aws-access-key-id',
    entity: 'SECRET',
    description: 'AWS access key id: AKIA (long-term), ASIA (temporary), ABIA or ACCA and 16 base32 characters.',
    patterns: [{ name: 'prefixed', regex: '(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}', score: 0.9 }],
    keywords: ['akia', 'asia', 'abia', 'acca'],
    context: ['aws', 'aws_access_key_id', 'access_key_id', 'accesskeyid', 'access key'],
    contextBoost: 0.05,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'AKIAK2CLU5UKPQVGZVSQ',
        { text: 'aws_access_key_id = AKIAJJ4JHWU5LLK43LOU', value: 'AKIAJJ4JHWU5LLK43LOU' },
        { text: 'temporary creds ASIABM2E6EHZQCDCZC7F expire at noon', value: 'ASIABM2E6EHZQCDCZC7F' },
      ],
      fp: [
        'AKIAIOSFODNN7EXAMPLE',
        'AKIAXXXXXXXXXXXXXXXX',
        'AKIAEIG3QRL6PJ6K',
        'XAKIAQDG4KALKA7WH4RZO',
        'ASIANJTVVCWN3PS markets',
        'akiagpf7i3xboxsie19h',
      ],
    },
  },
  {
    id: 'aws-secret-access-key',
    entity: 'SECRET',
    description: 'AWS secret access key: 40 base64 characters, recognised only next to AWS or secret words.',
    patterns: [{ name: 'bare', regex: '[A-Za-z0-9/+]{40,}', score: 0.5, startsAt: runOf(isBase64Code, 40) }],
    keywords: ['aws', 'secret'],
    context: [
      'aws',
      'secret',
      'aws_secret_access_key',
      'secret_access_key',
      'secretaccesskey',
      'aws_secret_key',
      'aws_secret',
      'secret access key',
    ],
    contextRequired: true,
    contextBoost: 0.4,
    minEntropy: 4.0,
    rejectPlaceholders: true,
    // The pattern takes whole runs so that a 40-character slice of a longer string is not a match.
    validate: (value) => (value.length === 40 ? requireMixedCase(value) : 'reject'),
    samples: {
      tp: [
        { text: 'aws_secret_access_key = 9jFJcgKf16OJVF6IrzgupEI59mwMKkyYv6TU3OkQ', value: '9jFJcgKf16OJVF6IrzgupEI59mwMKkyYv6TU3OkQ' },
        { text: '{"AccessKeyId": "AKIA43MXLEHBVLOPH5F3", "SecretAccessKey": "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"}', value: 'ej5XYB2ZRmvoeHhJJBwLGkG/Vu6VX9o0+KYQt9o2' },
        { text: 'AWS secret: jY1zw468v+aNR0+k/jS+bLB/EWrcF8VAiYbHVpFd', value: 'jY1zw468v+aNR0+k/jS+bLB/EWrcF8VAiYbHVpFd' },
      ],
      fp: [
        'Uo5GsmFxFwTedNmiM0K7vGe7Wz242fjzJitPF8D1',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS commit 9c0cec802636edc3a9f359716d02901811ee8d19',
        'aws_secret_access_key = fcPYPUlW2VjJBd+po8Mh5YHxMGc/OPSmIjSn4b0bm9qr',
        'secret path /docs/aws/guides/iam/roles/best/practices/2024/index',
      ],
    },
  },
  {
    id: 'azure-storage-account-key',
    entity: 'SECRET',
    description: 'Azure Storage account key: 88 base64 characters after AccountKey= in a connection string.',
    patterns: [{ name: 'account-key', regex: 'AccountKey=([A-Za-z0-9+/]{86}==)', score: 0.95, flags: 'i', group: 1 }],
    keywords: ['accountkey='],
    minEntropy: 4.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        {
          text: 'DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=mHPGod/yw0NlPgrz9Subc409rRCHL32L2TDH7llXowXPzYc7svMViI9P/JooJBQ6YKqAht+povSZOD7EeySGcT==;EndpointSuffix=core.windows.net',
          value: 'mHPGod/yw0NlPgrz9Subc409rRCHL32L2TDH7llXowXPzYc7svMViI9P/JooJBQ6YKqAht+povSZOD7EeySGcT==',
        },
        { text: '"AccountKey=nHblcSVppjfXe1pXMlW+Qnq5cGUMx+UlVfWTwfQunEFbyxl5kCO29ECSwE1ZtguqeqTwc7oI1ezCES6II9kU7n=="', value: 'nHblcSVppjfXe1pXMlW+Qnq5cGUMx+UlVfWTwfQunEFbyxl5kCO29ECSwE1ZtguqeqTwc7oI1ezCES6II9kU7n==' },
      ],
      fp: [
        'AccountKey=whtdWuhdhyLNITLbRs6ber3kzowpf6syLeBkMVhe==',
        'AccountKey=<your-account-key>',
        'AccountKey=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX==',
        'BUIXxDWpyc3UOkXaH/QYG/owUNKK1r5qIOvfUVSxRV2vfRjBOE1ylWaWCcaRvLe0doWZwG8YJELbjO6KzkYkUS==',
      ],
    },
  },
  {
    id: 'azure-shared-access-key',
    entity: 'SECRET',
    description: 'Azure Service Bus, Event Hubs or IoT Hub key: 44 base64 characters after SharedAccessKey=.',
    patterns: [{ name: 'shared-key', regex: 'SharedAccessKey=([A-Za-z0-9+/]{43}=)', score: 0.95, flags: 'i', group: 1 }],
    keywords: ['sharedaccesskey='],
    minEntropy: 4.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        {
          text: 'Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=yEpoVoGp6wLKHbs1r/bTQ426oTsgORd7Cu63CWRulCR=',
          value: 'yEpoVoGp6wLKHbs1r/bTQ426oTsgORd7Cu63CWRulCR=',
        },
      ],
      fp: ['SharedAccessKeyName=RootManageSharedAccessKey', 'SharedAccessKey=<key>', 'SharedAccessKey=hzgDKfYjUu5uKF5Fa8IY='],
    },
  },
  {
    id: 'azure-sas-token',
    entity: 'SECRET',
    description: 'Azure shared access signature: the sig= parameter of a URL or string that also carries sv=<date>.',
    patterns: [
      {
        name: 'signature',
        regex: String.raw`sv=\d{4}-\d{2}-\d{2}[^\s"'<>]*?[&?]sig=([A-Za-z0-9%+/=]{40,})`,
        score: 0.9,
        group: 1,
      },
    ],
    keywords: ['sig='],
    minEntropy: 4.0,
    rejectPlaceholders: true,
    samples: {
      tp: [
        {
          text: 'https://contosodata.blob.core.windows.net/exports/q3.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-06-30T00:00:00Z&spr=https&sig=zfJdKkSVYHWkS4kZ6M1jyzff1jwZw7EtM0iIQWAM%2BvQifWmAhJS%3D',
          value: 'zfJdKkSVYHWkS4kZ6M1jyzff1jwZw7EtM0iIQWAM%2BvQifWmAhJS%3D',
        },
      ],
      fp: ['?sv=2022-11-02&sig=<signature>', 'sig=icn6TxollTaYtiGLGm7NssSWfRjgQTocAI94GcpXQ4uT', 'sv=2022-11-02&sig=QMnyk6lCbwSp'],
    },
  },
  {
    id: 'azure-ad-client-secret',
    entity: 'SECRET',
    description: 'Microsoft Entra ID (Azure AD) client secret: 3 characters, a digit, Q~ and 31–34 more, next to secret words.',
    patterns: [{ name: 'q-tilde', regex: String.raw`[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}`, score: 0.6 }],
    keywords: ['q~'],
    context: [
      'azure',
      'entra',
      'aad',
      'msal',
      'tenant',
      'secret',
      'client_secret',
      'clientsecret',
      'client secret',
      'azure_client_secret',
      'app registration',
      'password',
    ],
    contextRequired: true,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        { text: 'AZURE_CLIENT_SECRET=vnf8Q~BejjU9p4uO-15IMENjR-zpDgV82QSKxA8p', value: 'vnf8Q~BejjU9p4uO-15IMENjR-zpDgV82QSKxA8p' },
        { text: 'Entra app registration secret: o2V7Q~PUCYdZ8B62VlswADrpUboceJNyoryV0keN', value: 'o2V7Q~PUCYdZ8B62VlswADrpUboceJNyoryV0keN' },
      ],
      fp: [
        'hbA8Q~MSWQ4BWyIIcoTwqKynVgW7XnmiQUg0PuGB',
        'client secret TIn8Q~TN0LYvIxWu',
        'client_secret: abc8Q~XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      ],
    },
  },
  {
    id: 'google-api-key',
    entity: 'SECRET',
    description: 'Google Cloud / Gemini / Maps API key: AIza followed by 35 characters.',
    patterns: [{ name: 'prefixed', regex: 'AIza[A-Za-z0-9_-]{35}', score: 0.9 }],
    keywords: ['aiza'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'AIzaSyDQUp4TCzfKMST5W-W1lQp2519h3Kj3fs9',
        { text: 'GEMINI_API_KEY=AIzaSyV5OeJlR4u7CRbtdIjXl1qfteDqmqDeHIY', value: 'AIzaSyV5OeJlR4u7CRbtdIjXl1qfteDqmqDeHIY' },
        { text: '<script src="https://maps.googleapis.com/maps/api/js?key=AIzaSyg2JzKMisdFqEd75N1qx4SjEhX333lVTPh&callback=init">', value: 'AIzaSyg2JzKMisdFqEd75N1qx4SjEhX333lVTPh' },
      ],
      fp: ['AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'AIzaSy0jz0pCAsscxT-wOjdoOL', 'AIzaSyddAeGG17scVenErnriI4qFfHcgLzcyMcLONV5zer', 'key=AIza...'],
    },
  },
  {
    id: 'google-oauth-client-secret',
    entity: 'SECRET',
    description: 'Google OAuth client secret: GOCSPX- followed by 28 characters.',
    patterns: [{ name: 'prefixed', regex: 'GOCSPX-[A-Za-z0-9_-]{28}', score: 0.95 }],
    keywords: ['gocspx-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: '"client_secret":"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"', value: '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' }],
      fp: ['GOCSPX-XXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'GOCSPX-Nvh7FoI0XLTg', 'GOCSPX-...'],
    },
  },
  {
    id: 'google-oauth-access-token',
    entity: 'SECRET',
    description: 'Google OAuth 2.0 access token: ya29. followed by a long random body.',
    patterns: [{ name: 'prefixed', regex: String.raw`ya29\.[A-Za-z0-9_-]{30,}`, score: 0.9 }],
    keywords: ['ya29.'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'ya29.a0tuwU46QY4OAjgSEHBHIsuaZCvNVcpBk4n5u1tzqKMpnB4_9-1gutXYfGbAn37esFKNNntQv298fXujhOZ2GPMOjKan_PNpSALbs0CPLgxjNJ8jLrBXRF1RVG',
        { text: 'Authorization: Bearer ya29.a0AKlG-EGhk5wawBXQsBZ8hAV-b9mjVIiZ92BHn_bv9uD6UvALW4AzQFFRX1F5ZfH4dkaTLUeReeEG0lP6rBUvYoov2EpDvrnRiDwt', value: 'ya29.a0AKlG-EGhk5wawBXQsBZ8hAV-b9mjVIiZ92BHn_bv9uD6UvALW4AzQFFRX1F5ZfH4dkaTLUeReeEG0lP6rBUvYoov2EpDvrnRiDwt' },
      ],
      fp: ['ya29.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'ya29.M2Xo9gDiep', 'ya29....'],
    },
  },
  {
    id: 'digitalocean-token',
    entity: 'SECRET',
    description: 'DigitalOcean personal access (dop_v1_), OAuth (doo_v1_) or refresh (dor_v1_) token.',
    patterns: [{ name: 'prefixed', regex: 'do[opr]_v1_[a-f0-9]{64}', score: 0.95 }],
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: ['dop_v1_4651a343e96d91e76189c9f3951c2f72591854d18b1931bf81430148ae04390a', { text: 'doctl auth init -t doo_v1_0c72bd8eeca6d0af784b52b7d8eaf676130958be5714a6cf2902b56e20f7c263', value: 'doo_v1_0c72bd8eeca6d0af784b52b7d8eaf676130958be5714a6cf2902b56e20f7c263' }],
      fp: ['dop_v1_bbe9fc4fe4f90234e04dcc934bb33b7b', 'dop_v1_0000000000000000000000000000000000000000000000000000000000000000', 'dop_v1_...'],
    },
  },
  {
    id: 'databricks-token',
    entity: 'SECRET',
    description: 'Databricks personal access token: dapi followed by 32 hex digits.',
    patterns: [{ name: 'prefixed', regex: String.raw`dapi[a-f0-9]{32}(?:-\d)?`, score: 0.9 }],
    keywords: ['dapi'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: ['dapi51072942c4443ec1ded5c70bdf5dac0b', { text: 'DATABRICKS_TOKEN=dapi58eee4c640e4b4b4b8e2fa3fa6ee23c4-2', value: 'dapi58eee4c640e4b4b4b8e2fa3fa6ee23c4-2' }],
      fp: ['dapi7560285ec2c565adf398', 'dapi00000000000000000000000000000000', 'the dapidapi api'],
    },
  },
];
