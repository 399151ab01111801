import type { DetectorSpec } from '../../spec.js';

/** Airlock's own client API keys (`alk_<env>_<id>_<secret>`): a key pasted into a prompt is still a key. */
export const airlockDetectors: DetectorSpec[] = [
  {
    id: 'airlock-api-key',
    entity: 'SECRET',
    description: 'Airlock client API keys.',
    keywords: ['alk_'],
    patterns: [{ name: 'key', regex: 'alk_(?:prod|sandbox|dev)_[0-9A-Za-z]{11}_[0-9A-Za-z]{43}', score: 0.99 }],
    context: ['api key', 'key', 'airlock', 'authorization', 'bearer'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    samples: {
      tp: [
        'alk_prod_7fK2mQ9xL1a_Xq7vT2mN9pL4kR8sW1yB3dF6hJ0cV5gZaB3cQe8Rt5Y',
        { text: 'Authorization: Bearer alk_sandbox_Zt4Wq8Pn2Lc_a9Fk3Lm7Qp1Xs5Dv8Bn2Gh6Jk4Lz0Cx3Vb7Nm1Qw5Er', value: 'alk_sandbox_Zt4Wq8Pn2Lc_a9Fk3Lm7Qp1Xs5Dv8Bn2Gh6Jk4Lz0Cx3Vb7Nm1Qw5Er' },
      ],
      fp: ['alk_prod_XXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'alk_test_7fK2mQ9xL1a_short', 'talk_prod about keys'],
    },
  },
];
