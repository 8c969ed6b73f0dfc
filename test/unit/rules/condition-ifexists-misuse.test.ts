import { conditionIfExistsMisuse } from '../../../src/core/rules/condition-ifexists-misuse';
import { testRule } from '../rule-tester';

const policy = (effect: string, condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":"ssm:SendCommand","Resource":"*","Condition":${condition}}]}`;
const trust = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;

testRule(conditionIfExistsMisuse, {
  valid: [
    policy('Allow', '{"StringLikeIfExists":{"ec2:InstanceType":["t3.*"]},"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}'),
    policy('Deny', '{"StringNotEqualsIfExists":{"aws:ResourceAccount":"${aws:PrincipalAccount}"}}'),
    // A negated IfExists in an Allow is fine when the statement also requires the key.
    policy('Allow', '{"StringNotEqualsIfExists":{"ssm:resourceTag/Env":"prod"},"Null":{"ssm:resourceTag/Env":"false"}}'),
    policy('Allow', '{"StringNotLikeIfExists":{"ssm:resourceTag/Env":"prod*"},"StringLike":{"SSM:resourceTag/env":"*"}}'),
    policy('Allow', '{"StringEquals":{"aws:RequestedRegion":"eu-west-1"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/ops"}}'),
    // Resource policies can see anonymous requests, which carry no principal keys.
    trust('{"ArnLikeIfExists":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/*"},"StringEqualsIfExists":{"aws:PrincipalAccount":"111122223333"}}'),
  ],
  invalid: [
    {
      code: policy('Allow', '{"DateLessThanIfExists":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}'),
      errors: [{ messageId: 'alwaysPresent', text: '"aws:CurrentTime"', data: { plain: 'DateLessThan' } }],
      output: null,
    },
    {
      code: policy('Deny', '{"BoolIfExists":{"aws:SecureTransport":"false","aws:MultiFactorAuthPresent":"false"},"ArnNotLikeIfExists":{"AWS:PrincipalArn":"arn:aws:iam::*:role/admin"}}'),
      errors: [
        { messageId: 'alwaysPresent', path: ['Statement', 0, 'Condition', 'BoolIfExists', 'aws:SecureTransport'], data: { plain: 'Bool' } },
        { messageId: 'alwaysPresent', text: '"AWS:PrincipalArn"', data: { plain: 'ArnNotLike' } },
      ],
    },
    {
      code: trust('{"StringEqualsIfExists":{"aws:RequestedRegion":"eu-west-1"}}'),
      errors: [{ messageId: 'alwaysPresent', text: '"aws:RequestedRegion"' }],
    },
    {
      code: policy('Allow', '{"StringNotEqualsIfExists":{"ssm:resourceTag/Env":"prod"}}'),
      errors: [{ messageId: 'negatedInAllow', text: '"ssm:resourceTag/Env"', data: { operator: 'StringNotEqualsIfExists' } }],
      output: null,
    },
    {
      code: policy('Allow', '{"ForAllValues:StringNotLikeIfExists":{"aws:TagKeys":["secret*"]},"NotIpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"}}'),
      errors: [
        { messageId: 'negatedInAllow', text: '"aws:TagKeys"' },
        { messageId: 'negatedInAllow', text: '"aws:SourceIp"' },
      ],
    },
  ],
});
