import type { DetectorSpec } from '../../spec.js';
import { requireMixedCase } from './checks.js';

/** Tokens of code hosts, package registries and developer tools. */

export const devPlatformDetectors: DetectorSpec[] = [
  {
    id: 'github-pat',
    entity: 'SECRET',
    description: 'GitHub classic personal access token: ghp_ followed by 36 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'ghp_[A-Za-z0-9]{36}', score: 0.95 }],
    keywords: ['ghp_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'ghp_T0oKw6ZGPeekZEivk04fc0a3JPuZrDl9CPlD',
        { text: 'git clone https://ghp_7IQWyEsa1kli1DIr0tsPZmM8gEskur0GwtOl@github.com/acme/crm-sync.git', value: 'ghp_7IQWyEsa1kli1DIr0tsPZmM8gEskur0GwtOl' },
        { text: 'GITHUB_TOKEN=ghp_RdWKsGv62zdZH3AlZIFyizjg7ifco2kgdCAa', value: 'ghp_RdWKsGv62zdZH3AlZIFyizjg7ifco2kgdCAa' },
      ],
      fp: ['ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'ghp_UvFE4Ck3pFzfiMHinbq8', 'ghp_o3dv9P28PenvKs5Tva2SWs5ueGtrOZdfhm1nu68g', 'ghp_000000000000000000000000000000000000'],
    },
  },
  {
    id: 'github-oauth-token',
    entity: 'SECRET',
    description: 'GitHub OAuth access token: gho_ followed by 36 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'gho_[A-Za-z0-9]{36}', score: 0.95 }],
    keywords: ['gho_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['gho_qTUc6pxPYzprmpVGy1zPoH6hTGbus8g9P7Sg', { text: 'oauth token gho_Efnsbp414lrX5X5ypyeDvmELgVgOsGpmtsIi issued', value: 'gho_Efnsbp414lrX5X5ypyeDvmELgVgOsGpmtsIi' }],
      fp: ['gho_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'gho_rjvQpKdgj8mZ4E3aXSLMnBKGBpK0Fg'],
    },
  },
  {
    id: 'github-app-token',
    entity: 'SECRET',
    description: 'GitHub App user-to-server (ghu_) or installation (ghs_) token.',
    patterns: [{ name: 'prefixed', regex: 'gh[us]_[A-Za-z0-9]{36}', score: 0.95 }],
    keywords: ['ghu_', 'ghs_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'ghs_oVSEsongFmyX0JH0zqPQoSsggCa76VAoYM1l',
        { text: 'https://x-access-token:ghs_04zYnRKZm6LfgJAcZiEsYryOe5gi39gRiFmy@github.com/acme/app', value: 'ghs_04zYnRKZm6LfgJAcZiEsYryOe5gi39gRiFmy' },
        { text: 'user token ghu_v2pPBQOVg186uEBsRWRnB9hqwltn0wZ30KoP', value: 'ghu_v2pPBQOVg186uEBsRWRnB9hqwltn0wZ30KoP' },
      ],
      fp: ['ghs_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'ghu_jxR3dNbu1kIzM3H4uB9A3kZztjnAglE9D4T', 'ghs_...'],
    },
  },
  {
    id: 'github-refresh-token',
    entity: 'SECRET',
    description: 'GitHub refresh token: ghr_ followed by 36 or more letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'ghr_[A-Za-z0-9]{36,}', score: 0.95 }],
    keywords: ['ghr_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['ghr_vQJhEURO8ZSnZz3kH8rrTeJa5kJtKIAXRsTSw5HZnUQlfARGVoABOfBVLajV7xwpSYY9Fh5whBU3', { text: '"refresh_token": "ghr_QfBEPXFp0COy0imlYIJDsg1OwM3YwdbmbNlzMZLufFlsLzL8TLyBA70917RlcYUNiQCCWnEkfhAz"', value: 'ghr_QfBEPXFp0COy0imlYIJDsg1OwM3YwdbmbNlzMZLufFlsLzL8TLyBA70917RlcYUNiQCCWnEkfhAz' }],
      fp: ['ghr_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'ghr_AQJbnwLMB3LeUaCrctzC'],
    },
  },
  {
    id: 'github-fine-grained-pat',
    entity: 'SECRET',
    description: 'GitHub fine-grained personal access token: github_pat_, 22 characters, _, 59 characters.',
    patterns: [{ name: 'prefixed', regex: 'github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}', score: 0.95 }],
    keywords: ['github_pat_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        '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',
        { text: 'token: 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', value: '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' },
      ],
      fp: ['github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'github_pat_wrBPbOGKNLepFmb0rr5UM6_2U5QChrVYZiHf99qXrRo'],
    },
  },
  {
    id: 'gitlab-pat',
    entity: 'SECRET',
    description: 'GitLab personal, project or group access token: glpat- and a random body (optionally routable .01.xxx).',
    patterns: [
      { name: 'prefixed', regex: String.raw`glpat-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,10})?`, score: 0.95 },
    ],
    keywords: ['glpat-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'glpat-WCdDX2MWR0keRm9JZZME',
        'glpat-dr6GT8SzbUlA9kcqlNqtbvPj-QG.01.gac10kh80',
        { text: 'CI_JOB: curl --header "PRIVATE-TOKEN: glpat-5Txx_wTIyyB5ScHbXeux" https://gitlab.acme.io/api/v4/projects', value: 'glpat-5Txx_wTIyyB5ScHbXeux' },
      ],
      fp: ['glpat-XXXXXXXXXXXXXXXXXXXX', 'glpat-qWE0wRT0j8JK', 'glpat-...'],
    },
  },
  {
    id: 'gitlab-token',
    entity: 'SECRET',
    description: 'Other GitLab tokens: deploy (gldt-), runner (glrt-), trigger (glptt-), feed, mail, agent, SCIM, CI job, OAuth secret.',
    patterns: [
      {
        name: 'prefixed',
        regex: String.raw`gl(?:dt|rt|ptt|ft|imt|agent|soat|cbt|oas|ffct)-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,10})?`,
        score: 0.9,
      },
    ],
    keywords: ['gldt-', 'glrt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'glcbt-', 'gloas-', 'glffct-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'gldt-5xOd7XU0yyuq67XoPhzC',
        { text: 'gitlab-runner register --token glrt-hDxMfBjTUHw9SulH-JGI', value: 'glrt-hDxMfBjTUHw9SulH-JGI' },
        { text: 'trigger token glptt-6ac136282cff458718fb18258614631724d8c36b', value: 'glptt-6ac136282cff458718fb18258614631724d8c36b' },
      ],
      fp: ['gldt-XXXXXXXXXXXXXXXXXXXX', 'glrt-MgyBVP2q0W', 'gldt-...'],
    },
  },
  {
    id: 'npm-token',
    entity: 'SECRET',
    description: 'npm access token: npm_ followed by 36 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'npm_[A-Za-z0-9]{36}', score: 0.95 }],
    keywords: ['npm_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['npm_6OMMBOKPFSgg35LgX5405n4ccY5CGH03p6IN', { text: '//registry.npmjs.org/:_authToken=npm_bvgFxHHlMhFogEzmfX224TPD26cINlk2czlv', value: 'npm_bvgFxHHlMhFogEzmfX224TPD26cINlk2czlv' }],
      fp: ['npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'npm_fDvJrQjMGmrYAnEuQHJY', 'NPM_CONFIG_REGISTRY', 'npm_IiZx003OS4IKy8sVvPlqIcDLsPsIFceUjaKkmmdC'],
    },
  },
  {
    id: 'pypi-token',
    entity: 'SECRET',
    description: 'PyPI or TestPyPI upload token: pypi- and a macaroon whose base64 starts with the index name.',
    patterns: [
      { name: 'macaroon', regex: 'pypi-AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}', score: 0.95 },
    ],
    keywords: ['pypi-age'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'pypi-AgEIcHlwaS5vcmcWO2EDkxRTmKp673tu-3Yn_aSQ4fxmyegS6URD6rARaPu5sbB0X9rVsPwxy2m8b8cBglvm7JUnsyui2u2eSkHfbxtUexscBDoJ4-bMEjdZE7zbV8iOgAts7FMT3d5Kh9zqNIpZ6By0Lga',
        { text: '[pypi]\n  username = __token__\n  password = pypi-AgEIcHlwaS5vcmcMvCJ9r0xHjo1CRTTw2vEhi4K_JGIXoB4FFD_IrVkobluQICTjM1mb6oxDvpRC2aWku035mSLcZljXnD2aocL9GrDBvZl28LQerhfsvZ-GMuPjbshTY37lZafSSomEnGsuih0J-2_I8pv\n', value: 'pypi-AgEIcHlwaS5vcmcMvCJ9r0xHjo1CRTTw2vEhi4K_JGIXoB4FFD_IrVkobluQICTjM1mb6oxDvpRC2aWku035mSLcZljXnD2aocL9GrDBvZl28LQerhfsvZ-GMuPjbshTY37lZafSSomEnGsuih0J-2_I8pv' },
      ],
      fp: ['pypi-AgEIcHlwaS5vcmc...', 'pypi-AgEIcHlwaS5vcmcCfAbw4FY8RIvZyvuQeit', 'pypi-3mck-XHyq5FAXzZ5z1a3El5Xwjr8LWZVQuIa8rbhBu-4bwuzOSfVVM5S-cAHeqKi5nKv91cQ5WcGT5EmJqSHMsoO4p3WDfdpOZXsW83Xl09Yw3fK0SNMSRLQKYO2JS2tIEYlFi0tI8hG'],
    },
  },
  {
    id: 'atlassian-api-token',
    entity: 'SECRET',
    description: 'Atlassian (Jira, Confluence) API token: ATATT3xFfGF0 and a long body ending in =<8 hex>.',
    patterns: [{ name: 'prefixed', regex: 'AT[AC]TT3xFfGF0[A-Za-z0-9_-]{100,}(?:=[A-F0-9]{8})?', score: 0.95 }],
    keywords: ['atatt3', 'atctt3'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'ATATT3xFfGF0RAaBiHm3892erkbCqM6VMNtrvJt4mrwHxqMJyWWM8ptxOioXyLBeWct22qiFEMTXvW3D5iISBDUHFaaWIAJR28mrmPYmcIhS66vt3ktRzal71LDQ5nLLVRdS7zwAPA3G9_5eP1mYUghJtZpmFFpg9cqNw1VO967jZmCJA-fR21=45712F43',
        { text: 'JIRA_API_TOKEN="ATATT3xFfGF0QLr9eUKm8wofJKEbooVbcvk2ja88UU_4gvy72fkiYVYrumQNf_R-pz9paBUiQjgvGOR7apZomf9TeAuf7qYVVlO1qvsAm0PHmMrpxG03I2MTZ0zyrTFH0DOtu9iAZfsADVbq4H0NSKZCYFLzvlR5eFmZi000p4VnTIcKg0L7mX=327CD51D"', value: 'ATATT3xFfGF0QLr9eUKm8wofJKEbooVbcvk2ja88UU_4gvy72fkiYVYrumQNf_R-pz9paBUiQjgvGOR7apZomf9TeAuf7qYVVlO1qvsAm0PHmMrpxG03I2MTZ0zyrTFH0DOtu9iAZfsADVbq4H0NSKZCYFLzvlR5eFmZi000p4VnTIcKg0L7mX=327CD51D' },
      ],
      fp: ['ATATT3xFfGF0...', 'ATATT3xFfGF0-EXAMPLE-NOT-A-REAL-TOKEN', 'ATATT3xFfGF0yyxBxmwNZMnMFxptWQ368zAcXvH84ZrlYhLr9mIi'],
    },
  },
  {
    id: 'atlassian-legacy-api-token',
    entity: 'SECRET',
    description: 'Older Atlassian API token: 24 letters and digits, recognised only next to Jira, Confluence or Atlassian.',
    patterns: [{ name: 'bare', regex: '[A-Za-z0-9]{24}', score: 0.5 }],
    keywords: ['jira', 'atlassian', 'confluence'],
    context: ['jira', 'atlassian', 'confluence', 'jira_api_token', 'jira_token', 'atlassian_api_token', 'confluence_api_token', 'confluence_token'],
    contextRequired: true,
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: requireMixedCase,
    samples: {
      tp: [
        { text: 'JIRA_API_TOKEN=Jqf9TxTesF99qdeciGBsZNjs', value: 'Jqf9TxTesF99qdeciGBsZNjs' },
        { text: 'Confluence API token for svc-docs: E3e9V7htjslMiMGAOZVF9eMI', value: 'E3e9V7htjslMiMGAOZVF9eMI' },
      ],
      fp: ['X8VtM51FmBCDP31qNQgi7vj6', 'Jira issue CRMSYNC-4821 blocked by CRMSYNC-4799', 'jira token m20Kswe3qxY7CfXpDqAww9qoCW3OmA', 'Confluence page ConfigurationOverviewPages'],
    },
  },
  {
    id: 'linear-api-key',
    entity: 'SECRET',
    description: 'Linear personal API key: lin_api_ followed by 40 letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'lin_api_[A-Za-z0-9]{40}', score: 0.95 }],
    keywords: ['lin_api_'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['lin_api_i1tgwXI7xLZBAVQ61aQMQC2lKXGIB0wPerwfiPS1', { text: 'LINEAR_API_KEY=lin_api_IF8OjV7wqaWZKsMWznGq5EaI0YgFruFhNJVpIObS', value: 'lin_api_IF8OjV7wqaWZKsMWznGq5EaI0YgFruFhNJVpIObS' }],
      fp: ['lin_api_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'lin_api_7IYH9D3gfKR0iFpvcYSR'],
    },
  },
  {
    id: 'postman-api-key',
    entity: 'SECRET',
    description: 'Postman API key: PMAK-, 24 hex digits, -, 34 hex digits.',
    patterns: [{ name: 'prefixed', regex: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', score: 0.95 }],
    keywords: ['pmak-'],
    minEntropy: 3.0,
    rejectPlaceholders: true,
    samples: {
      tp: ['PMAK-67312a39ba4027587c837633-a048b8204c1665d1de3a2fd7e6b7600f24', { text: 'x-api-key: PMAK-86b2b81d0cf293a30daa5350-881d990d74db1b1d6159bb758b12bad4d8', value: 'PMAK-86b2b81d0cf293a30daa5350-881d990d74db1b1d6159bb758b12bad4d8' }],
      fp: ['PMAK-169197cebea1824aaaac0733', 'PMAK-000000000000000000000000-0000000000000000000000000000000000'],
    },
  },
  {
    id: 'new-relic-user-key',
    entity: 'SECRET',
    description: 'New Relic user API key: NRAK- followed by 27 upper-case letters and digits.',
    patterns: [{ name: 'prefixed', regex: 'NRAK-[A-Z0-9]{27}', score: 0.95 }],
    keywords: ['nrak-'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: ['NRAK-QH09JJ1JPBTQJDYNFF83ZAW8TCW', { text: 'NEW_RELIC_API_KEY=NRAK-T5JGH3TVAGTCXBP9AT9VQG0ZCUW', value: 'NRAK-T5JGH3TVAGTCXBP9AT9VQG0ZCUW' }],
      fp: ['NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NRAK-38RETDZBUPQ4'],
    },
  },
];
