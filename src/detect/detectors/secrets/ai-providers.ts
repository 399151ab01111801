import type { DetectorSpec } from '../../spec.js';
import { requireLettersAndDigits, requireMixedCase, requireUpperAndLower } from './checks.js';

/** API keys of model providers: the credentials most likely to be pasted into a prompt. */

export const aiProviderDetectors: DetectorSpec[] = [
  {
    id: 'openai-api-key',
    entity: 'SECRET',
    description: 'OpenAI API key: sk-, sk-proj-, sk-svcacct- or sk-admin- followed by a long random body.',
    patterns: [{ name: 'prefixed', regex: String.raw`sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{32,}`, score: 0.9 }],
    keywords: ['sk-'],
    context: ['openai', 'openai_api_key', 'chatgpt', 'gpt'],
    contextBoost: 0.05,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: (value) => {
      // Anthropic and OpenRouter keys share the `sk-` prefix; their own detectors own them.
      if (value.startsWith('sk-ant-') || value.startsWith('sk-or-')) return 'reject';
      // `T3BlbkFJ` is base64 of "OpenAI"; OpenAI embeds it in its keys, so it settles the question.
      if (value.includes('T3BlbkFJ')) return 'confirm';
      return requireMixedCase(value.replace(/^sk-(?:(?:proj|svcacct|admin|None)-)?/, ''));
    },
    samples: {
      tp: [
        'sk-proj-U0jSKwgSCLNaerkSei8ssU9NXAx84_caDyjGPYDs-oUmyqNol2YCmRB8UN4lT3BlbkFJtBG1WrhseLWaFHQKpO_Epfh0XeOHPFXzf1C-_eszIIbcmmj5apEVeKJ9lwof',
        { text: 'OPENAI_API_KEY=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', value: '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' },
        { text: 'Use the service account key sk-svcacct-W5FnaB8NB7Iz-6KRqB5V8kFzFn0gxS4L-2nw0xP7sqlyemzwfvUPOvQv6A0JlmUm for the batch job.', value: 'sk-svcacct-W5FnaB8NB7Iz-6KRqB5V8kFzFn0gxS4L-2nw0xP7sqlyemzwfvUPOvQv6A0JlmUm' },
        { text: '{"admin_key": "sk-admin-MtYbGAofxx3ateVzVzsfovntbbskOOYh0wHO5eUaOIg7V28lOdwaVMoV"}', value: 'sk-admin-MtYbGAofxx3ateVzVzsfovntbbskOOYh0wHO5eUaOIg7V28lOdwaVMoV' },
        { text: 'curl -H "Authorization: Bearer sk-NrQwvAEWe4eWTZm0uRGy9r1Yj9sc1b6MZqnPYnEltSenWZlI"', value: 'sk-NrQwvAEWe4eWTZm0uRGy9r1Yj9sc1b6MZqnPYnEltSenWZlI' },
      ],
      fp: [
        'sk-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'OPENAI_API_KEY=sk-...',
        'export OPENAI_API_KEY="sk-your-openai-api-key-goes-right-in-here"',
        'sk-x7JCDFRu8NSy4cBxRvaj',
        'the risk-management-framework-for-enterprise-deployments is ready',
        'sk-ant-api03-e6k3FB-OxOBu0dzuei_5Sb9BiXNpn8sTe2LGMz8d0ue_eLNuPtFemxRICeHa1i-NOJzS26SNZ6sHgtfQWebFkggk3N9n9AA',
        'task-YOsrUf51AhpuTlkAo0EiL1PuWQMdYpKtJx64v1tQ',
      ],
    },
  },
  {
    id: 'anthropic-api-key',
    entity: 'SECRET',
    description: 'Anthropic API key (sk-ant-api03-…) or OAuth token (sk-ant-oat01-, sk-ant-ort01-).',
    patterns: [{ name: 'prefixed', regex: String.raw`sk-ant-(?:api|oat|ort)\d{2}-[A-Za-z0-9_-]{80,}`, score: 0.95 }],
    keywords: ['sk-ant-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'sk-ant-api03-c0tRHwhN9d1BKSkHukdiSQEKP2r0j4PNac1845CgBJtpkSlYKY-8boH7F4n1WboIE088t0Zunn_cqmwb4ItTktMBnbkqBAA',
        { text: 'ANTHROPIC_API_KEY="sk-ant-api03-_ynu8g3X6Si40pLd1IP8MYwvALKnEVP7i4vEI9DBRci61HzmcpBCKRuGDW8Sp8kfZXA1C923OhVEClOVCpVasruUmIHNQAA"', value: 'sk-ant-api03-_ynu8g3X6Si40pLd1IP8MYwvALKnEVP7i4vEI9DBRci61HzmcpBCKRuGDW8Sp8kfZXA1C923OhVEClOVCpVasruUmIHNQAA' },
        { text: 'the claude key sk-ant-oat01-cHP0EGxCSWhdSq_SyyGPwY6qAbx07nopEf38VgtdMZus09BAzXQOomXnVe4y2bTr2YD9FoxVTP-WF1YuJ3tnl4Hjsx-QJAA was rotated', value: 'sk-ant-oat01-cHP0EGxCSWhdSq_SyyGPwY6qAbx07nopEf38VgtdMZus09BAzXQOomXnVe4y2bTr2YD9FoxVTP-WF1YuJ3tnl4Hjsx-QJAA' },
      ],
      fp: [
        'sk-ant-api03-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXAA',
        'sk-ant-api03-...',
        'sk-ant-api03-hpseFm4EiWtutx5A0fzH3vP-0ijqb7',
        'ANTHROPIC_API_KEY=sk-ant-your-key-here',
      ],
    },
  },
  {
    id: 'anthropic-admin-key',
    entity: 'SECRET',
    description: 'Anthropic Admin API key (sk-ant-admin01-…), which manages a whole organisation.',
    patterns: [{ name: 'prefixed', regex: String.raw`sk-ant-admin\d{2}-[A-Za-z0-9_-]{80,}`, score: 0.95 }],
    keywords: ['sk-ant-admin'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'sk-ant-admin01-StFXkVkEtl-V9duBf1gXCa452MjhBUHvmfZ1QjBdsbRWAa67D4UfRjIZ0sK8cYbh8akV6C-dhwXbFVACOA1qDPNY7J7nvAA',
        { text: 'admin key: sk-ant-admin01-V-FiCj3PsCFb9mIsDQnFxaS0oJl9gYsOdBpPemA77ZFR_7BOlMi8VGJf2_ORm81LKQT1mPrbbshWdOmtz4zlJXWQrkIBDAA (do not share)', value: 'sk-ant-admin01-V-FiCj3PsCFb9mIsDQnFxaS0oJl9gYsOdBpPemA77ZFR_7BOlMi8VGJf2_ORm81LKQT1mPrbbshWdOmtz4zlJXWQrkIBDAA' },
      ],
      fp: ['sk-ant-admin01-...', 'sk-ant-admin01-arj2qo8BSTi3yos_DNpkhbVpcGCQOyNfdXqpQSri', 'sk-ant-admin01-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'mistral-api-key',
    entity: 'SECRET',
    description: 'Mistral AI API key: 32 letters and digits, recognised only next to the word mistral.',
    patterns: [{ name: 'bare', regex: '[A-Za-z0-9]{32}', score: 0.5 }],
    keywords: ['mistral', 'codestral'],
    context: ['mistral', 'mistral_api_key', 'mistralai', 'codestral', 'codestral_api_key'],
    contextRequired: true,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: requireMixedCase,
    samples: {
      tp: [
        { text: 'MISTRAL_API_KEY=mSgq20OeUNN76hc9c2xqFhGHVs5fPDXC', value: 'mSgq20OeUNN76hc9c2xqFhGHVs5fPDXC' },
        { text: 'Mistral key for the pilot: EckmS8O0SIkS8TPQSgrqmlikzl76ed63', value: 'EckmS8O0SIkS8TPQSgrqmlikzl76ed63' },
        { text: 'client = Mistral(api_key="ht8tWeX9DXvniI0qisll3buujZy85dcp")', value: 'ht8tWeX9DXvniI0qisll3buujZy85dcp' },
      ],
      fp: [
        '35ddPV6xtxh52vycXe0YWdOBtSSkyfbt',
        'MISTRAL_API_KEY=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        'Mistral build hash 81457c6ce36c4deb6c243a497440ce25',
        'Mistral key t1w75N5IOAKyduZHK6z8XS3pA4J7nJrYzAaywjM8',
        'mistral: PleaseRotateTheKeysEveryQuarterOK',
      ],
    },
  },
  {
    id: 'cohere-api-key',
    entity: 'SECRET',
    description: 'Cohere API key: 40 letters and digits, recognised only next to the word cohere.',
    patterns: [{ name: 'bare', regex: '[A-Za-z0-9]{40}', score: 0.5 }],
    keywords: ['cohere', 'co_api_key'],
    context: ['cohere', 'cohere_api_key', 'co_api_key', 'cohere_key'],
    contextRequired: true,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: requireMixedCase,
    samples: {
      tp: [
        { text: 'COHERE_API_KEY=WhtAH2PeADnGRn3frOUsRJtgegnvaSTcrWuCFihA', value: 'WhtAH2PeADnGRn3frOUsRJtgegnvaSTcrWuCFihA' },
        { text: 'co = cohere.Client("JMj9yAW7nAG9enRyb6i6Q6Itm4CwyMV8zkjRA3Qm")', value: 'JMj9yAW7nAG9enRyb6i6Q6Itm4CwyMV8zkjRA3Qm' },
      ],
      fp: ['RBZMEHOStE5ryzY80Nk7OLbVqpa2iaaOugTxQS1F', 'Cohere commit 0897e1685dedbfb91bf716f0a10e8442d6475562', 'COHERE_API_KEY=meeEVgxfwFPFjO9cDryi2rlwEBIVf9mu', 'cohere trial key XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'groq-api-key',
    entity: 'SECRET',
    description: 'Groq API key: gsk_ followed by 52 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'gsk_[A-Za-z0-9]{52}', score: 0.95 }],
    keywords: ['gsk_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'GROQ_API_KEY=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 # prod', value: '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' }],
      fp: ['gsk_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'gsk_nYzwcJK2351Nt8ddkulo9SVbTjez5TMsLYXCwqRF', 'gsk_4E13Qku7rHYCqEuemln3DWBxghr9AcT9XTOZ5nzW58FH4qiFzqQKt46WtHbt', 'GROQ_API_KEY=gsk_...'],
    },
  },
  {
    id: 'replicate-api-token',
    entity: 'SECRET',
    description: 'Replicate API token: r8_ followed by 37 characters.',
    patterns: [{ name: 'prefixed', regex: 'r8_[A-Za-z0-9_-]{37}', score: 0.9 }],
    keywords: ['r8_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['r8_2fuPUGbu62eoxYFyyr7dPJAtaqzpBUb5uoRki', { text: 'export REPLICATE_API_TOKEN=r8_We2dTbNsc35Q68FhHqm74JIkbagIXFMRMPvbl', value: 'r8_We2dTbNsc35Q68FhHqm74JIkbagIXFMRMPvbl' }],
      fp: ['r8_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'r8_Dns1xAyq251GSFR1z5YC', 'order r8_2 shipped', 'r8_uTCvvnXe7S0fqLCdgTZqrI6s2SirpoJvgpwJJSDOjFFwt'],
    },
  },
  {
    id: 'huggingface-token',
    entity: 'SECRET',
    description: 'Hugging Face user access token (hf_ + 34 letters) or organisation token (api_org_).',
    patterns: [{ name: 'prefixed', regex: '(?:hf|api_org)_[A-Za-z]{34}', score: 0.9 }],
    keywords: ['hf_', 'api_org_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: requireUpperAndLower,
    samples: {
      tp: ['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', { text: 'huggingface-cli login --token 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', value: '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' }],
      fp: ['hf_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'hf_OLNXfrObmDSjxDJrHreu', 'hf_abcdefghijabcdefghijabcdefghijab', 'hf_IczsUsuvCISlxMpLkwjXcfASvATnVlYrHZLzybIr'],
    },
  },
  {
    id: 'perplexity-api-key',
    entity: 'SECRET',
    description: 'Perplexity API key: pplx- followed by 48 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'pplx-[A-Za-z0-9]{48}', score: 0.95 }],
    keywords: ['pplx-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'PPLX_API_KEY="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"', value: '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' }],
      fp: ['pplx-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'pplx-mNRp7yktYUctjgzi4tlgTqkrI36qu9', 'pplx-...'],
    },
  },
  {
    id: 'xai-api-key',
    entity: 'SECRET',
    description: 'xAI (Grok) API key: xai- followed by 80 characters.',
    patterns: [{ name: 'prefixed', regex: 'xai-[A-Za-z0-9_]{80}', score: 0.95 }],
    keywords: ['xai-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['xai-RZV3krWdR0xkAciigdUiu2vckh33yLiaHrKTf0vWbkNI7bBMpcE6oNiXId0YpkvIbsHOm7IeKig816DD', { text: 'XAI_API_KEY=xai-SxjluQxZ1S3LTthSlQ6wkiPVOF17ZK8ya7cEGUh2dCDNfYHxN2jZTlGAg13KGkO280dlWufrBpcOIny5', value: 'xai-SxjluQxZ1S3LTthSlQ6wkiPVOF17ZK8ya7cEGUh2dCDNfYHxN2jZTlGAg13KGkO280dlWufrBpcOIny5' }],
      fp: ['xai-...', 'xai-i2IngoL4O7qUOvZFi9UMmopBNwTJfFUasypVZFjr', 'xai-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'openrouter-api-key',
    entity: 'SECRET',
    description: 'OpenRouter API key: sk-or-v1- followed by 64 hex digits.',
    patterns: [{ name: 'prefixed', regex: 'sk-or-v1-[a-f0-9]{64}', score: 0.95 }],
    keywords: ['sk-or-'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: ['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', { text: 'OPENROUTER_API_KEY=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', value: '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' }],
      fp: ['sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000', 'sk-or-v1-f08fff1baaee5e8f93a37948111de626707a3013', 'sk-or-v1-...'],
    },
  },
  {
    id: 'azure-openai-key',
    entity: 'SECRET',
    description: 'Azure OpenAI / Azure AI services key: 32 hex digits, recognised only next to Azure words.',
    patterns: [{ name: 'hex', regex: '[a-f0-9]{32}', score: 0.5 }],
    keywords: ['azure', 'cognitiveservices', 'ocp-apim'],
    minDigits: 4,
    context: [
      'azure',
      'azure_openai_key',
      'azure_openai_api_key',
      'azure_api_key',
      'azure_ai_key',
      'cognitiveservices',
      'ocp-apim-subscription-key',
    ],
    contextRequired: true,
    minEntropy: 3.0,
    rejectPlaceholders: true,
    validate: requireLettersAndDigits,
    samples: {
      tp: [
        { text: 'AZURE_OPENAI_API_KEY=8051fe3a64a2700b4dd5823e45232892', value: '8051fe3a64a2700b4dd5823e45232892' },
        { text: 'Azure OpenAI key 1: bea13fbd8a8af3010444262616d136e0 (endpoint contoso.openai.azure.com)', value: 'bea13fbd8a8af3010444262616d136e0' },
        { text: 'Ocp-Apim-Subscription-Key: bc85ddc27f17e6b9b58cf6dace6fa2a2', value: 'bc85ddc27f17e6b9b58cf6dace6fa2a2' },
      ],
      fp: [
        'md5 2d4bd13513b7c146e95a1a2af956711e',
        'AZURE_OPENAI_API_KEY=00000000000000000000000000000000',
        'Azure request ddc4c2d08167ebf71ebeb7dfb8fc4d51e9cb2174',
        'Azure tenant 96b6ff31-d20e-30d7-f615-65372ab6bb00',
      ],
    },
  },
];
