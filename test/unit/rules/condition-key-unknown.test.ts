import { conditionKeyUnknown } from '../../../src/core/rules/condition-key-unknown';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":${condition}}]}`;

testRule(conditionKeyUnknown, {
  valid: [
    // Key names are case-insensitive.
    policy('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8","AWS:SOURCEIP":"10.0.0.0/8","aws:SourceIP":"10.0.0.0/8"}}'),
    policy('{"StringEquals":{"aws:PrincipalTag/job-function":"ops","aws:ResourceTag/Env":"prod","aws:RequestTag/Env":"prod"}}'),
    policy('{"StringLike":{"ssm:resourceTag/Finance":"WebServers","secretsmanager:ResourceTag/Owner":"me","ssm:DocumentCategories":"x"}}'),
    // Cross-service session keys such as ec2:SourceInstanceARN are global.
    policy('{"ArnLike":{"ec2:SourceInstanceARN":"arn:aws:ec2:*:*:instance/*","ssm:SourceInstanceArn":"arn:aws:ec2:*:*:instance/*"}}'),
    // Identity-provider keys and services unknown to the data are not judged.
    policy('{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:o/r:*","accounts.google.com:aud":"x","deepracer:UserToken":"x"}}'),
    // Undocumented keys that AWS's own managed policies use.
    policy('{"StringNotEquals":{"aws:PrincipalOrgMasterAccountId":"${aws:PrincipalAccount}"}}'),
  ],
  invalid: [
    {
      code: policy('{"IpAddress":{"aws:SoureIp":"10.0.0.0/8"}}'),
      errors: [{ messageId: 'globalDidYouMean', text: '"aws:SoureIp"', data: { suggestion: 'aws:SourceIp' }, suggestions: [{ messageId: 'changeKey', output: policy('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}') }] }],
      output: null,
    },
    {
      name: 'tag-style keys keep the tag name',
      code: policy('{"StringEquals":{"aws:PrincipleTag/team":"ops"}}'),
      errors: [{ messageId: 'globalDidYouMean', data: { suggestion: 'aws:PrincipalTag/team' }, suggestions: [{ messageId: 'changeKey', output: policy('{"StringEquals":{"aws:PrincipalTag/team":"ops"}}') }] }],
      output: null,
    },
    {
      code: policy('{"Bool":{"aws:Whatever":"true"}}'),
      errors: [{ messageId: 'global', path: ['Statement', 0, 'Condition', 'Bool', 'aws:Whatever'] }],
      output: null,
    },
    {
      code: policy('{"StringEquals":{"ssm:DocumentCategory":"AutomationRunbook","ssm:resorceTag/Env":"prod"}}'),
      errors: [
        { messageId: 'serviceDidYouMean', text: '"ssm:DocumentCategory"', data: { suggestion: 'ssm:DocumentCategories', service: 'ssm' }, suggestions: [{ messageId: 'changeKey', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"ssm:DocumentCategories":"AutomationRunbook","ssm:resorceTag/Env":"prod"}}}]}' }] },
        { messageId: 'serviceDidYouMean', text: '"ssm:resorceTag/Env"', data: { suggestion: 'ssm:resourceTag/Env' }, suggestions: [{ messageId: 'changeKey', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"ssm:DocumentCategory":"AutomationRunbook","ssm:resourceTag/Env":"prod"}}}]}' }] },
      ],
      output: null,
    },
    {
      code: policy('{"StringEquals":{"ssm:Flavour":"x"}}'),
      errors: [{ messageId: 'service', text: '"ssm:Flavour"', data: { serviceName: 'AWS Systems Manager' } }],
      output: null,
    },
    {
      code: policy('{"IpAddress":{"SourceIp":"10.0.0.0/8"},"StringEquals":{"team":"ops"}}'),
      errors: [
        { messageId: 'noPrefixDidYouMean', text: '"SourceIp"', data: { suggestion: 'aws:SourceIp' }, suggestions: [{ messageId: 'changeKey', output: policy('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"StringEquals":{"team":"ops"}}') }] },
        { messageId: 'noPrefix', text: '"team"' },
      ],
      output: null,
    },
    {
      name: 'no fix when the suggested key is already in the block',
      code: policy('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8","aws:SoureIp":"10.1.0.0/16"}}'),
      errors: [{ messageId: 'globalDidYouMean', text: '"aws:SoureIp"' }],
      output: null,
    },
  ],
});
