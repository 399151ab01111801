import { shannonEntropy } from '../../entropy.js';
import type { DetectorSpec, Validation } from '../../spec.js';
import { isJwt } from '../../validators/jwt.js';

/** Key material: PEM and PGP private key blocks, JSON Web Tokens. */

const MIN_KEY_BODY = 64;

/**
 * The base64 body of an armored block must be long and random. The generic placeholder test
 * is not used on whole blocks: real OpenSSH keys contain runs such as `AAAAAAAA`, which it
 * would take for padding. Documentation blocks (`MIIE...`, `<key>`) fail the charset test.
 */
function armoredBody(block: string): Validation {
  const lines = block
    .replace(/\\r\\n|\\n|\\r/g, '\n') // a key inside a JSON string carries escaped line breaks
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^[\s>]+/, '').trim()) // quoted e-mail lines start with `> `
    .filter((line) => line.length > 0 && !line.startsWith('-----') && !/^[A-Za-z-]+:\s/.test(line)); // armor headers
  const body = lines.join('');
  if (body.length < MIN_KEY_BODY || !/^[A-Za-z0-9+/=]+$/.test(body)) return 'reject';
  if (/X{8,}|x{8,}/.test(body) || shannonEntropy(body) < 4.5) return 'reject';
  return undefined;
}

const KEY_TYPE = '(?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED) )?';

export const cryptoMaterialDetectors: DetectorSpec[] = [
  {
    id: 'pem-private-key',
    entity: 'PRIVATE_KEY',
    description: 'PEM private key block (PKCS#1, PKCS#8, SEC1, DSA, OpenSSH, encrypted), from BEGIN to END line.',
    patterns: [
      {
        // The body may not contain `--`, so a BEGIN without an END never swallows a later block.
        name: 'block',
        regex: `-----BEGIN ${KEY_TYPE}PRIVATE KEY-----(?:[^-]|-[^-])*-----END ${KEY_TYPE}PRIVATE KEY-----`,
        score: 0.95,
      },
    ],
    keywords: ['private key-----'],
    boundary: 'none',
    validate: armoredBody,
    samples: {
      tp: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAUpLAzvZI8nliPRcnSxYZa92q40sRitVBGhUCruNTLtoMJqTA\n2uPqbABp4tyYdjz7lTSMxPJsnUP1xoMxhCOnNP8RKg5kMyMws3rA3ittHfFN4XuN\nIluFXNooJYM6UKy9pDT/SONk8HyTCi0lEo9QhIjQXbDr3pA5eTaiYk36+um7CjX+\nSvf6Kim7bXcyjOlFMItQL16OPJ9U7n3eI4ouihfi+8n4s6U7r3WyJCjuI+YHknie\nchGRiVEfyJwDBPE8LnZRUE5NkybAf9JCWYunzup0==\n-----END RSA PRIVATE KEY-----',
        {
          text: 'Key for the SFTP drop:\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCu1Vm/T6cHYUkTKl2ChdGGHRXduXp/odx\nkCULIwEwCNxlVVro0XIPt6MhvGRo6/p0pDlZVJfNp2T5WWAoAFyy7pmCLZvzHJc8\n/B0zPg/dDrugGcyp28KXweJLLpqPQ4qW/XmPefy3rv2Ebv2xVutwVdPMa1p5ILgI\n-----END PRIVATE KEY-----\nThanks!',
          value: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCu1Vm/T6cHYUkTKl2ChdGGHRXduXp/odx\nkCULIwEwCNxlVVro0XIPt6MhvGRo6/p0pDlZVJfNp2T5WWAoAFyy7pmCLZvzHJc8\n/B0zPg/dDrugGcyp28KXweJLLpqPQ4qW/XmPefy3rv2Ebv2xVutwVdPMa1p5ILgI\n-----END PRIVATE KEY-----',
        },
        {
          text: '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCeoJprNjoWWuWu2ygp48XRj5hvYChBGh8\\nYHlQUCq44BcnWfT1x25QJQoDog7xjVftT/fSN3RPqFAU+0jrDW69sQomNKDH2buZ\\n-----END PRIVATE KEY-----\\n"}',
          value: '-----BEGIN PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCeoJprNjoWWuWu2ygp48XRj5hvYChBGh8\\nYHlQUCq44BcnWfT1x25QJQoDog7xjVftT/fSN3RPqFAU+0jrDW69sQomNKDH2buZ\\n-----END PRIVATE KEY-----',
        },
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACDiL76nbd1y4kfV11Mgo3XMi/9jBXOpw4UYHlHUdsvslKAas0seJI7eHn9G\n7vC4G9Hqdm8hEuVjUUtzhDaanZ+l9mGiEovm3b9RFT/If4y1+OlVR0ZgmiiIx4yn2Bb7J6\n8lBUE9+06zCyt3d016rzERkoNlWXGDAEv7sPcXzswN6RFNHAj0+jHNXzH1VrLFyk1OXktm\n-----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0781EB88468E6CE77DDF1779A630F68D\n\n5R9P0SlPU1BXZuS+Lj0s4OLfn4WCvMjGIPYxGegL+T9sZe+Qj1UhTjNAl7HveEa2\nlCACgqvwxa4lJIkNzGuiM4pbk0G093/0HlFbGhmFtBMbzmxj53DiNt5keeqk09lN\n-----END EC PRIVATE KEY-----',
      ],
      fp: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
        '-----BEGIN PRIVATE KEY-----\n<your private key here>\n-----END PRIVATE KEY-----',
        '-----BEGIN PRIVATE KEY-----\nXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n-----END PRIVATE KEY-----',
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCEOi+9T80v5SwMtKjK+rtLjuKHj++X1cv4BoV\nnxVt+C+x7lCNejQgIJerxkPrWdICyuOalF4mhi/CN+gN07ytW3yKlB4X8gl+ACWA\n-----END PUBLIC KEY-----',
        'paste the block that starts with -----BEGIN PRIVATE KEY----- into the vault',
        '-----BEGIN RSA PRIVATE KEY-----\nQ4YewkSReFKegRsayVRD4Vycx+pMowpKbG/NNlzXK3DEPF1FBYwqvqVUAu8IZc/5\nocGZUCyv5YNKPfZzpae1uhq5xJcGc1/yWqvnn9asTxLZuEh6/TeamHCjbyn/vWM3\n(truncated)',
      ],
    },
  },
  {
    id: 'pgp-private-key',
    entity: 'PRIVATE_KEY',
    description: 'ASCII-armored OpenPGP private key block.',
    patterns: [
      {
        name: 'block',
        regex: '-----BEGIN PGP PRIVATE KEY BLOCK-----(?:[^-]|-[^-])*-----END PGP PRIVATE KEY BLOCK-----',
        score: 0.95,
      },
    ],
    keywords: ['pgp private key block'],
    boundary: 'none',
    validate: armoredBody,
    samples: {
      tp: [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGZQvTujW9MTA6r9bodTFvsehhx+WyJDfNKhK+oYtAUfX/u7Os1KO6zU2QAe\nhxVSFMDKlKc5W3//5022AVUo4l3uwVcyJgbdaqTxLzrd+Xvuw1GBURZ9KGuUk6y9\nf/oIYLNMX6TaG4lls6ixHY78LawIgX4+eea/ukkya9miVGyS6dCJQu+DRznqb+JI\n=PpPa\n-----END PGP PRIVATE KEY BLOCK-----',
        {
          text: 'backup key below\n-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops signing key\n\nlQVYBGZ0VxqTe5Qto/dr7/ufMCfYeIcylOH7M87jYfHX24HRofxOzUGUHVJys5kS\nQNEOYYGkpmiU6BwQKM118blgnzXyhM1o7TouxzaBr5LLIfHKW2/ubB9k0JBuIppC\n=ozFh\n-----END PGP PRIVATE KEY BLOCK-----\n',
          value: '-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: ops signing key\n\nlQVYBGZ0VxqTe5Qto/dr7/ufMCfYeIcylOH7M87jYfHX24HRofxOzUGUHVJys5kS\nQNEOYYGkpmiU6BwQKM118blgnzXyhM1o7TouxzaBr5LLIfHKW2/ubB9k0JBuIppC\n=ozFh\n-----END PGP PRIVATE KEY BLOCK-----',
        },
      ],
      fp: [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n...\n-----END PGP PRIVATE KEY BLOCK-----',
        '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGZRv0uE7qMAfkRgX75d5+n25RXZJt6je+9JkvGB7sKnCKNA5e8xIq9Uzd1Z\nWR9SIe89EOwx3hd5QMTmje2k09wRIeG1ELdvpcDENF7y5JEfktk6s77ZChKCbPTS\n-----END PGP PUBLIC KEY BLOCK-----',
        'export it with gpg --armor: it starts with -----BEGIN PGP PRIVATE KEY BLOCK-----',
      ],
    },
  },
  {
    id: 'jwt',
    entity: 'JWT',
    description: 'JSON Web Token: base64url header (eyJ…), payload and signature; header and payload must decode to JSON.',
    patterns: [{ name: 'jws', regex: String.raw`eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{16,}`, score: 0.85 }],
    keywords: ['eyj'],
    minEntropy: 3.5,
    rejectPlaceholders: true,
    validate: (value) => (isJwt(value) ? 'confirm' : 'reject'),
    samples: {
      tp: [
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDVIczAwMDAwUTdrTG0iLCJuYW1lIjoiRGFuYSBLb3dhbGN6eWsiLCJpYXQiOjE3MTYyMzkwMjIsImV4cCI6MTcxNjI0MjYyMn0.pBwwP-Sv_8dmKE2OFcF5-9oPCIAO4PTkdut46EfHCQl',
        {
          text: 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6Ims3UW0yIn0.eyJpc3MiOiJodHRwczovL2xvZ2luLmFjbWUtY3JtLmlvIiwiYXVkIjoiYWlybG9jayIsInN1YiI6InUtNDgyMTMiLCJzY29wZSI6InJlY29yZHMucmVhZCJ9.eUigE-05EmYEB30i4vt2RwrnOfIvfGQ_P_umd9nEyufVircu0_YXVU4AumTyVQrWEJtbCVDLq5_3v_hW-dN1ux',
          value:
            'eyJhbGciOiJSUzI1NiIsImtpZCI6Ims3UW0yIn0.eyJpc3MiOiJodHRwczovL2xvZ2luLmFjbWUtY3JtLmlvIiwiYXVkIjoiYWlybG9jayIsInN1YiI6InUtNDgyMTMiLCJzY29wZSI6InJlY29yZHMucmVhZCJ9.eUigE-05EmYEB30i4vt2RwrnOfIvfGQ_P_umd9nEyufVircu0_YXVU4AumTyVQrWEJtbCVDLq5_3v_hW-dN1ux',
        },
        {
          text: 'session cookie id_token=eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250YWN0LTk5MjEiLCJyb2xlIjoiYWdlbnQiLCJpYXQiOjE3MTkwMDAwMDB9.8yKcWmJ2PPoFohm6jhy0nYY3nRG4-HK2_UmfYJbDwb1ut6rDqrRRlrzB2VdPY4E6z2UZt0LilI8FGgdHQhEr9s; Path=/',
          value:
            'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjb250YWN0LTk5MjEiLCJyb2xlIjoiYWdlbnQiLCJpYXQiOjE3MTkwMDAwMDB9.8yKcWmJ2PPoFohm6jhy0nYY3nRG4-HK2_UmfYJbDwb1ut6rDqrRRlrzB2VdPY4E6z2UZt0LilI8FGgdHQhEr9s',
        },
        { text: 'token=eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo', value: 'eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo' },
      ],
      fp: [
        // header without alg
        'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4MSJ9.lFBDl3jhFx3Zha7LSlJw4YZB7hQia42g7Ki8rPAayvZ',
        // payload is a JSON array
        'eyJhbGciOiJIUzI1NiJ9.WzEsMiwzXQ.GGGKuEglK_2TiQwElStyDJ4XusxzhfiDrZ-izKbAXwP',
        // payload is not JSON
        'eyJhbGciOiJIUzI1NiJ9.eyJub3QganNvbg.IIp6MM8XylgPESF-0lJLXDdjmVut91rlY-k7y5Aiy2H',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJ...',
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4MSJ9',
        'token: <jwt>',
      ],
    },
  },
];
