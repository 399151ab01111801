import { firstGroup } from '../../anchors.js';
import type { DetectorSpec } from '../../spec.js';
import { characterClasses, requireLettersAndDigits, requireMixedCase } from './checks.js';

/** Payment, commerce and CRM credentials: Stripe, Shopify, Square, Salesforce. */

export const commerceDetectors: DetectorSpec[] = [
  {
    id: 'stripe-secret-key',
    entity: 'SECRET',
    description: 'Stripe secret key: sk_live_ (production) or sk_test_ followed by 24 or more characters.',
    patterns: [
      { name: 'live', regex: 'sk_live_[A-Za-z0-9]{24,}', score: 0.95 },
      { name: 'test', regex: 'sk_test_[A-Za-z0-9]{24,}', score: 0.85 },
    ],
    keywords: ['sk_live_', 'sk_test_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        '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',
        { text: 'STRIPE_SECRET_KEY=sk_live_CAmLRjv4TmgehXlw7H0pDw1j', value: 'sk_live_CAmLRjv4TmgehXlw7H0pDw1j' },
        { text: 'stripe.api_key = "sk_test_hRBehfqgsLW5mTeUjZThxFrA"', value: 'sk_test_hRBehfqgsLW5mTeUjZThxFrA' },
      ],
      fp: ['sk_live_XXXXXXXXXXXXXXXXXXXXXXXX', 'sk_live_...', 'sk_test_Fkmds8ddU3', 'pk_live_RhZv7GEy6ZRQ7vPbPTtIkfKu', 'sk_live_your_secret_key_here'],
    },
  },
  {
    id: 'stripe-restricted-key',
    entity: 'SECRET',
    description: 'Stripe restricted key: rk_live_ or rk_test_ followed by 24 or more characters.',
    patterns: [
      { name: 'live', regex: 'rk_live_[A-Za-z0-9]{24,}', score: 0.95 },
      { name: 'test', regex: 'rk_test_[A-Za-z0-9]{24,}', score: 0.85 },
    ],
    keywords: ['rk_live_', 'rk_test_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'read-only key rk_test_hm9mtQ1QX4wF2dljR8MSmt65 for reports', value: 'rk_test_hm9mtQ1QX4wF2dljR8MSmt65' }],
      fp: ['rk_live_XXXXXXXXXXXXXXXXXXXXXXXX', 'rk_live_2Zb0MWl5EW', 'work_live_ctW8eKhGgYmY5zjiDPPWzwco'],
    },
  },
  {
    id: 'stripe-webhook-secret',
    entity: 'SECRET',
    description: 'Stripe webhook signing secret: whsec_ followed by 32 or more characters.',
    patterns: [{ name: 'prefixed', regex: 'whsec_[A-Za-z0-9+/=]{32,}', score: 0.9 }],
    keywords: ['whsec_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['whsec_4DGSjBjMuwYUxY8PTrSDm5dxmapNullv', { text: 'STRIPE_WEBHOOK_SECRET=whsec_hGn5dzxOkx9Mni6k3rv0mfd6vo6y1vHO', value: 'whsec_hGn5dzxOkx9Mni6k3rv0mfd6vo6y1vHO' }],
      fp: ['whsec_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'whsec_T1FndTVOzrbDirfZ', 'whsec_...'],
    },
  },
  {
    id: 'shopify-access-token',
    entity: 'SECRET',
    description: 'Shopify Admin API (shpat_), custom app (shpca_) or private app (shppa_) access token: 32 hex digits.',
    patterns: [{ name: 'prefixed', regex: 'shp(?:at|ca|pa)_[a-fA-F0-9]{32}', score: 0.95 }],
    keywords: ['shpat_', 'shpca_', 'shppa_'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'X-Shopify-Access-Token: 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', value: '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' }],
      fp: ['shpat_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'shpat_f6d1ce638fea772346f0', 'shpat_00000000000000000000000000000000'],
    },
  },
  {
    id: 'shopify-shared-secret',
    entity: 'SECRET',
    description: 'Shopify app shared secret: shpss_ followed by 32 hex digits.',
    patterns: [{ name: 'prefixed', regex: 'shpss_[a-fA-F0-9]{32}', score: 0.95 }],
    keywords: ['shpss_'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'SHOPIFY_API_SECRET=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', value: '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' }],
      fp: ['shpss_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'shpss_7161cd70420718e4'],
    },
  },
  {
    id: 'square-access-token',
    entity: 'SECRET',
    description: 'Square access token: EAAA and 60 characters, or the legacy sq0atp- form.',
    patterns: [
      // EAAA alone is a weaker prefix than sq0atp-; the mixed-case body and Square context carry it.
      { name: 'eaaa', regex: 'EAAA[A-Za-z0-9_-]{60}', score: 0.75 },
      { name: 'legacy', regex: 'sq0atp-[A-Za-z0-9_-]{22}', score: 0.95 },
    ],
    keywords: ['eaaa', 'sq0atp-'],
    context: ['square', 'square_access_token', 'square_token'],
    contextBoost: 0.2,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: (value) => requireMixedCase(value.slice(4)),
    samples: {
      tp: [
        { text: 'SQUARE_ACCESS_TOKEN=EAAA8iLly2CAVKZfllgZpBqwXCXVEjjPIFiRDTOyzo1a0rW0HoSna33GVIy08NjS', value: 'EAAA8iLly2CAVKZfllgZpBqwXCXVEjjPIFiRDTOyzo1a0rW0HoSna33GVIy08NjS' },
        'sq0atp-8ef_z8_5DJ8uJ-qI5inZ1c',
        { text: 'square token: sq0atp-3kCxABL0yocKKDy0AtXMLx', value: 'sq0atp-3kCxABL0yocKKDy0AtXMLx' },
      ],
      fp: ['EAAAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'EAAALdz9g9afKjeS32tGBEe3PDLxPDnGN_', 'sq0atp-...', 'EAAAr8540fly7aef1nob4ne4l0uisoxj6t9dicet5dj8s3bm3m6it7f0ftpb1djx'],
    },
  },
  {
    id: 'square-oauth-secret',
    entity: 'SECRET',
    description: 'Square OAuth application secret: sq0csp- followed by 43 characters.',
    patterns: [{ name: 'prefixed', regex: 'sq0csp-[A-Za-z0-9_-]{43}', score: 0.95 }],
    keywords: ['sq0csp-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['sq0csp-fSu-vC4QB0OmIaNHJVGl1swYvD3U4-E32IBOwK5oWiu', { text: 'application secret sq0csp-wzvh_03mqdJH7SoIXexx3dbm0yi_GkS0OytLDES5taT (sandbox)', value: 'sq0csp-wzvh_03mqdJH7SoIXexx3dbm0yi_GkS0OytLDES5taT' }],
      fp: ['sq0csp-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'sq0csp-0131OLTgbP2H-Avd0c-H'],
    },
  },
  {
    id: 'salesforce-consumer-secret',
    entity: 'SECRET',
    description: 'Salesforce connected-app consumer secret: 64 upper-case hex digits (or 19 digits in older orgs), next to secret words.',
    patterns: [
      // Consumer secrets are upper-case hex; SHA-256 digests, the common look-alike, are lower case.
      { name: 'hex', regex: '[A-F0-9]{64}', score: 0.5 },
      { name: 'numeric', regex: '[0-9]{19}', score: 0.5, startsAt: firstGroup([19]) },
    ],
    keywords: ['consumer', 'client_secret', 'client secret', 'clientsecret', 'connected app'],
    minDigits: 19,
    context: [
      'consumer_secret',
      'consumer secret',
      'consumersecret',
      'client_secret',
      'client secret',
      'clientsecret',
      'sf_client_secret',
      'sfdc_client_secret',
      'salesforce_client_secret',
      'salesforce_consumer_secret',
      'connected app',
    ],
    contextRequired: true,
    minEntropy: 2.9,
    rejectPlaceholders: true,
    validate: (value) => {
      const c = characterClasses(value);
      return c.lower || c.upper ? requireLettersAndDigits(value) : undefined;
    },
    samples: {
      tp: [
        { text: 'SF_CLIENT_SECRET=CB6D5F6AB5138DD0A205C0D75CFFE2849E51F4C7E3871AD364C27797FD866942', value: 'CB6D5F6AB5138DD0A205C0D75CFFE2849E51F4C7E3871AD364C27797FD866942' },
        { text: 'Connected App "CRM Sync" consumer secret: 232A8F5F511AA4978130F8A36BE53200DCAB29A45A0D9349F1FEA54493D9DBAE', value: '232A8F5F511AA4978130F8A36BE53200DCAB29A45A0D9349F1FEA54493D9DBAE' },
        { text: 'Consumer Secret 9280929615032928648', value: '9280929615032928648' },
      ],
      fp: [
        'client secret sha256 1f4c226a7e8ca01372c131eb18f08ee268c0ae0c0cd649fbdabd08be13a7b4fb',
        'consumer secret: 0000000000000000000000000000000000000000000000000000000000000000',
        'consumer secret AAD5776F1E34AAD6311A77C3415F518434FA8C67',
        'consumer id 1234567890123456789',
      ],
    },
  },
  // Salesforce session ids and access tokens: see detectors/salesforce (SALESFORCE_SESSION_ID).
];
