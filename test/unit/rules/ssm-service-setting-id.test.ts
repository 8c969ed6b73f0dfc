import { ssmServiceSettingId } from '../../../src/core/rules/ssm-service-setting-id';
import { testRule } from '../rule-tester';

/** A one-statement policy whose Resource is the given JSON value. */
function policy(resource: string): string {
  return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetServiceSetting","ssm:UpdateServiceSetting"],"Resource":${resource}}]}`;
}

const DHMC = 'arn:aws:ssm:us-east-2:111122223333:servicesetting/ssm/managed-instance/default-ec2-instance-management-role';

testRule(ssmServiceSettingId, {
  valid: [
    policy(`"${DHMC}"`),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/high-throughput-enabled"'),
    policy('"arn:aws:ssm:region:account-id:servicesetting/ssm/automation/enable-adaptive-concurrency"'),
    // Wildcards that match documented ids.
    policy('"arn:aws:ssm:*:*:servicesetting/*"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/*"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/*"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/*/default-*"'),
    // Families AWS managed policies grant although no reference lists all their ids.
    policy('"arn:aws:ssm:*:*:servicesetting/integrations/*"'),
    policy('["arn:aws:ssm:*:*:servicesetting/ssm/opsitem/*","arn:aws:ssm:*:*:servicesetting/ssm/opsdata/*"]'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsdata/SomeFutureSource"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsitem/ECS"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/just-in-time-access/identity-provider"'),
    // An unknown family may hold unlisted settings: no error without a close documented id.
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/some-new-feature/enabled"'),
    policy('"arn:aws:ssm:*:*:servicesetting/ssm/some-new-feature/*"'),
    // Not service settings, policy variables, other services.
    policy('"arn:aws:ssm:*:*:document/AWS-RunShellScript"'),
    policy('"arn:aws:ssm:*:*:servicesetting/${aws:username}"'),
    policy('"arn:aws:s3:::servicesetting/ssm/typo"'),
    policy('"*"'),
    policy('42'),
    '{"Statement":"oops"}',
    '',
  ],
  invalid: [
    {
      name: 'a dropped segment of the DHMC id',
      code: policy('"arn:aws:ssm:us-east-2:111122223333:servicesetting/ssm/managed-instance/default-instance-management-role"'),
      errors: [
        {
          messageId: 'unknownId',
          path: ['Statement', 0, 'Resource'],
          text: '"arn:aws:ssm:us-east-2:111122223333:servicesetting/ssm/managed-instance/default-instance-management-role"',
          data: { suggestion: '/ssm/managed-instance/default-ec2-instance-management-role' }, suggestions: [{ messageId: 'changeArn', output: policy(`"${DHMC}"`) }],
        },
      ],
      output: null,
    },
    {
      name: 'the ssm/ segment is missing',
      code: policy('["arn:aws:ssm:*:*:servicesetting/managed-instance/default-ec2-instance-management-role"]'),
      errors: [{ messageId: 'unknownId', path: ['Statement', 0, 'Resource', 0], data: { suggestion: '/ssm/managed-instance/default-ec2-instance-management-role' }, suggestions: [{ messageId: 'changeArn', output: policy('["arn:aws:ssm:*:*:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"]') }] }],
      output: null,
    },
    {
      name: 'a doubled slash',
      code: policy('"arn:aws:ssm:*:*:servicesetting//ssm/parameter-store/default-parameter-tier"'),
      errors: [{ messageId: 'unknownId', data: { id: '//ssm/parameter-store/default-parameter-tier', suggestion: '/ssm/parameter-store/default-parameter-tier' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/default-parameter-tier"') }] }],
      output: null,
    },
    {
      name: 'letter case (IAM compares ARNs case-sensitively)',
      code: policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsdata/association"'),
      errors: [{ messageId: 'unknownId', data: { suggestion: '/ssm/opsdata/Association' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsdata/Association"') }] }],
      output: null,
    },
    {
      name: 'a one-letter typo in an open family',
      code: policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsdata/ConfigComplience"'),
      errors: [{ messageId: 'unknownId', data: { suggestion: '/ssm/opsdata/ConfigCompliance' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ssm:*:*:servicesetting/ssm/opsdata/ConfigCompliance"') }] }],
      output: null,
    },
    {
      name: 'a trailing slash, in a Deny of an SCP',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ssm:UpdateServiceSetting","Resource":"arn:aws:ssm:*:*:servicesetting/ssm/managed-instance/default-ec2-instance-management-role/"}]}',
      kind: 'scp',
      errors: [{ messageId: 'unknownId', data: { suggestion: '/ssm/managed-instance/default-ec2-instance-management-role' }, suggestions: [{ messageId: 'changeArn', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ssm:UpdateServiceSetting","Resource":"arn:aws:ssm:*:*:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"}]}' }] }],
      output:
        null,
    },
    {
      name: 'an unknown id in a fully documented family, no close match',
      code: policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/advanced-tier"'),
      errors: [{ messageId: 'unknownIdInNamespace', data: { namespace: '/ssm/parameter-store/' } }],
      output: null,
    },
    {
      name: 'a wildcard inside a documented family that matches none of its ids',
      code: policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/tier*"'),
      errors: [{ messageId: 'wildcardMatchesNone', text: '"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/tier*"' }],
      output: null,
    },
    {
      name: 'a wildcard without the ssm/ segment',
      code: policy('"arn:aws:ssm:*:*:servicesetting/parameter-store/*"'),
      errors: [{ messageId: 'wildcardMatchesNone', data: { id: '/parameter-store/*' }, suggestions: [{ messageId: 'changeArn', output: policy('"arn:aws:ssm:*:*:servicesetting/ssm/parameter-store/*"') }] }],
      output: null,
    },
    {
      name: 'NotResource items are checked too; one finding per bad item',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ssm:*","NotResource":["arn:aws:ssm:*:*:servicesetting/ssm/opsinsights/opscentre","arn:aws:ssm:*:*:servicesetting/ssm/opsinsights/opscenter"]}]}',
      errors: [{ messageId: 'unknownId', path: ['Statement', 0, 'NotResource', 0], data: { suggestion: '/ssm/opsinsights/opscenter' }, suggestions: [{ messageId: 'changeArn', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ssm:*","NotResource":["arn:aws:ssm:*:*:servicesetting/ssm/opsinsights/opscenter","arn:aws:ssm:*:*:servicesetting/ssm/opsinsights/opscenter"]}]}' }] }],
      output:
        null,
    },
  ],
});
