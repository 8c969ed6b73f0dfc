import { sidFormat } from '../../../src/core/rules/sid-format';
import { testRule } from '../rule-tester';

/** An identity policy whose statements carry the given Sids. */
function identity(...sids: string[]): string {
  const statements = sids.map((sid) => `{"Sid":${JSON.stringify(sid)},"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}`);
  return `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
}

const ROLE_TRUST = '"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"';
const BUCKET_POLICY = '"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"';

testRule(sidFormat, {
  valid: [
    identity('AllowSessionManager', 'Statement2', 'abcXYZ0123456789'),
    // No Sid, and the empty Sid the console writes into trust policies, are fine.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    identity(''),
    { code: `{"Version":"2012-10-17","Statement":[{"Sid":"",${ROLE_TRUST}}]}`, kind: 'trust' },
    // A non-string Sid is element-type's finding.
    '{"Version":"2012-10-17","Statement":[{"Sid":42,"Effect":"Allow","Action":"ssm:*","Resource":"*"},{"Sid":["a b"],"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    // Resource-based policies (S3, KMS, SNS …) accept spaces and more in a Sid: not checked.
    { code: `{"Version":"2012-10-17","Statement":[{"Sid":"Allow read for partner account",${BUCKET_POLICY}}]}`, kind: 'trust' },
    // A trust-kind document with one non-role-trust statement is a resource policy too.
    { code: `{"Version":"2012-10-17","Statement":[{"Sid":"Trust SSM",${ROLE_TRUST}},{"Sid":"Read objects",${BUCKET_POLICY}}]}`, kind: 'trust' },
    // Look-alike keys elsewhere are not Sids; the top-level Id is not a Sid either.
    '{"Version":"2012-10-17","Id":"my policy-1","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Sid":"a b"}}}]}',
    // The Sid of a non-object statement item is not read.
    '{"Version":"2012-10-17","Statement":["Sid a-b",{"Sid":"Ok1","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    '',
  ],
  invalid: [
    {
      name: 'a space',
      code: identity('Allow Session Manager'),
      errors: [{ messageId: 'invalidChars', text: '"Allow Session Manager"', path: ['Statement', 0, 'Sid'], data: { chars: 'a space', suggestion: 'Write "', renamed: 'AllowSessionManager' } }],
      output: identity('AllowSessionManager'),
    },
    {
      name: 'hyphen, underscore, period, each named once',
      code: identity('ssm-read_only.v2-a'),
      errors: [{ messageId: 'invalidChars', data: { sid: 'ssm-read_only.v2-a', chars: 'a hyphen, an underscore, a period' } }],
      output: identity('ssmreadonlyv2a'),
    },
    {
      name: 'at most four kinds of character are named',
      code: identity('a b-c_d.e/f:g'),
      errors: [{ messageId: 'invalidChars', data: { chars: 'a space, a hyphen, an underscore, a period' } }],
      output: identity('aBcdefg'),
    },
    {
      name: 'tab and control characters',
      code: identity('Allow\tSSM\u0001'),
      errors: [{ messageId: 'invalidChars', data: { chars: 'a tab, the control character U+0001', suggestion: 'Write "', renamed: 'AllowSSM' } }],
      output: identity('AllowSSM'),
    },
    {
      name: 'accented letters are folded, not dropped',
      code: identity('ZugriffFürKöln'),
      errors: [{ messageId: 'invalidChars', data: { chars: '"ü", "ö"', suggestion: 'Write "', renamed: 'ZugriffFurKoln' } }],
      output: identity('ZugriffFurKoln'),
    },
    {
      name: 'an emoji (one code point, outside the BMP)',
      code: identity('Allow🚀'),
      errors: [{ messageId: 'invalidChars', data: { chars: '"🚀"' } }],
      output: identity('Allow'),
    },
    {
      name: 'the stripped Sid is taken: numbered; two Sids that strip alike get different names',
      code: identity('AllowSSM', 'Allow SSM', 'Allow-SSM', 'AllowSSM2'),
      errors: [
        { messageId: 'invalidChars', path: ['Statement', 1, 'Sid'], data: { suggestion: 'Write "', renamed: 'AllowSSM3' } },
        { messageId: 'invalidChars', path: ['Statement', 2, 'Sid'], data: { suggestion: 'Write "', renamed: 'AllowSSM4' } },
      ],
      output: identity('AllowSSM', 'AllowSSM3', 'AllowSSM4', 'AllowSSM2'),
    },
    {
      name: 'nothing left after stripping: no fix, an example name instead',
      code: identity('---', '日本'),
      errors: [
        { messageId: 'invalidChars', text: '"---"', data: { chars: 'a hyphen', suggestion: 'Rename it using letters and digits only, e.g. "AllowSessionManager".' } },
        { messageId: 'invalidChars', data: { chars: '"日", "本"' } },
      ],
      output: null,
    },
    {
      name: 'a long Sid is shortened in the message',
      code: identity(`${'A'.repeat(70)} B`),
      errors: [{ messageId: 'invalidChars', data: { sid: `${'A'.repeat(57)}...`, suggestion: 'Write "', renamed: `${'A'.repeat(57)}...`, suggestionEnd: '".' } }],
      output: identity(`${'A'.repeat(70)}B`),
    },
    {
      name: 'a huge Sid: reported, not renamed',
      code: identity(`${'A b'.repeat(2000)}`),
      errors: [{ messageId: 'invalidChars', data: { chars: 'a space' } }],
      output: null,
    },
    {
      name: 'statement given as a single object, SCP',
      code: '{"Version":"2012-10-17","Statement":{"Sid":"Deny leaving org","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}',
      kind: 'scp',
      errors: [{ messageId: 'invalidChars', text: '"Deny leaving org"' }],
      output: '{"Version":"2012-10-17","Statement":{"Sid":"DenyLeavingOrg","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}',
    },
    {
      name: 'an SCP is checked even when it (wrongly) names a principal',
      code: `{"Version":"2012-10-17","Statement":[{"Sid":"Read objects",${BUCKET_POLICY}}]}`,
      kind: 'scp',
      errors: [{ messageId: 'invalidChars', data: { chars: 'a space' } }],
      output: `{"Version":"2012-10-17","Statement":[{"Sid":"ReadObjects",${BUCKET_POLICY}}]}`,
    },
    {
      name: 'role trust policy',
      code: `{"Version":"2012-10-17","Statement":[{"Sid":"Trust SSM",${ROLE_TRUST}},{"Sid":"TrustEC2","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}`,
      kind: 'trust',
      errors: [{ messageId: 'invalidChars', text: '"Trust SSM"' }],
      output: `{"Version":"2012-10-17","Statement":[{"Sid":"TrustSSM",${ROLE_TRUST}},{"Sid":"TrustEC2","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}`,
    },
    {
      name: 'role trust policy detected from the Principal (no kind given)',
      code: `{"Version":"2012-10-17","Statement":[{"Sid":"trust_ssm",${ROLE_TRUST}}]}`,
      errors: [{ messageId: 'invalidChars', data: { chars: 'an underscore' } }],
      output: `{"Version":"2012-10-17","Statement":[{"Sid":"trustssm",${ROLE_TRUST}}]}`,
    },
    {
      name: 'wrong types around the Sid do not stop the check',
      code: '{"Version":"2012-10-17","Statement":[null,7,{"Sid":"a b","Effect":1,"Action":{},"Resource":[null]}]}',
      errors: [{ messageId: 'invalidChars', path: ['Statement', 2, 'Sid'] }],
      output: '{"Version":"2012-10-17","Statement":[null,7,{"Sid":"aB","Effect":1,"Action":{},"Resource":[null]}]}',
    },
  ],
});
