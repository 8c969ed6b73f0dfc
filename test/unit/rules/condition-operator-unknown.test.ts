import { conditionOperatorUnknown } from '../../../src/core/rules/condition-operator-unknown';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;

testRule(conditionOperatorUnknown, {
  valid: [
    policy('{"StringEquals":{"aws:PrincipalTag/team":"blue"},"ForAllValues:StringLikeIfExists":{"aws:TagKeys":["env*"]}}'),
    policy('{"Null":{"aws:TokenIssueTime":"true"},"ForAnyValue:Null":{"aws:TagKeys":"false"},"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}'),
    policy('{"NotIpAddressIfExists":{"aws:SourceIp":"10.0.0.0/8"},"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/x"}}'),
    policy('{"BinaryEquals":{"k:b":"QQ=="},"DateGreaterThanEquals":{"aws:CurrentTime":"2025-01-01"},"NumericLessThanIfExists":{"s3:max-keys":"10"}}'),
    policy('{"StringNotEqualsIgnoreCaseIfExists":{"aws:PrincipalTag/x":"y"},"ForAnyValue:ArnEqualsIfExists":{"aws:SourceArn":"arn:aws:sns:*:*:t"}}'),
    // Not an operator block at all: another rule reports the shape.
    policy('"StringEquals"'),
    policy('[]'),
  ],
  invalid: [
    {
      name: 'operator names are case-sensitive',
      code: policy('{"stringequals":{"aws:PrincipalTag/team":"blue"}}'),
      errors: [{ messageId: 'case', text: '"stringequals"', data: { suggestion: 'StringEquals' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"StringEquals":{"aws:PrincipalTag/team":"blue"}}') }] }],
      output: null,
    },
    {
      code: policy('{"IPAddress":{"aws:SourceIp":"10.0.0.0/8"}}'),
      errors: [{ messageId: 'case', path: ['Statement', 0, 'Condition', 'IPAddress'], data: { suggestion: 'IpAddress' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}') }] }],
      output: null,
    },
    {
      code: policy('{"StringEqual":{"aws:PrincipalTag/team":"blue"}}'),
      errors: [{ messageId: 'didYouMean', text: '"StringEqual"', data: { suggestion: 'StringEquals' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"StringEquals":{"aws:PrincipalTag/team":"blue"}}') }] }],
      output: null,
    },
    {
      code: policy('{"StringLikes":{"s3:prefix":"home/*"},"ArnEqual":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:t"}}'),
      errors: [
        { messageId: 'didYouMean', text: '"StringLikes"', data: { suggestion: 'StringLike' }, suggestions: [{ messageId: 'changeOperator', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/*"},"ArnEqual":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:t"}}}]}' }] },
        { messageId: 'didYouMean', text: '"ArnEqual"', data: { suggestion: 'ArnEquals' }, suggestions: [{ messageId: 'changeOperator', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringLikes":{"s3:prefix":"home/*"},"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:t"}}}]}' }] },
      ],
      output: null,
    },
    {
      code: policy('{"Boolean":{"aws:SecureTransport":"true"}}'),
      errors: [{ messageId: 'didYouMean', data: { suggestion: 'Bool' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"Bool":{"aws:SecureTransport":"true"}}') }] }],
      output: null,
    },
    {
      code: policy('{"stringLikeIfExists":{"ec2:InstanceType":"t3.*"}}'),
      errors: [{ messageId: 'case', data: { suggestion: 'StringLikeIfExists' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"StringLikeIfExists":{"ec2:InstanceType":"t3.*"}}') }] }],
      output: null,
    },
    {
      name: 'Null takes no IfExists',
      code: policy('{"NullIfExists":{"aws:TokenIssueTime":"true"}}'),
      errors: [{ messageId: 'nullIfExists', text: '"NullIfExists"', data: { suggestion: 'Null' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"Null":{"aws:TokenIssueTime":"true"}}') }] }],
      output: null,
    },
    {
      code: policy('{"ForAllValue:StringEquals":{"aws:TagKeys":["env"]}}'),
      errors: [{ messageId: 'setPrefix', text: '"ForAllValue:StringEquals"', data: { suggestion: 'ForAllValues:StringEquals' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}') }] }],
      output: null,
    },
    {
      code: policy('{"ForAnyValues:StringLike":{"aws:TagKeys":["env*"]}}'),
      errors: [{ messageId: 'setPrefix', data: { suggestion: 'ForAnyValue:StringLike' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"ForAnyValue:StringLike":{"aws:TagKeys":["env*"]}}') }] }],
      output: null,
    },
    {
      code: policy('{"forallvalues:stringequals":{"aws:TagKeys":["env"]}}'),
      errors: [{ messageId: 'case', data: { suggestion: 'ForAllValues:StringEquals' }, suggestions: [{ messageId: 'changeOperator', output: policy('{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}') }] }],
      output: null,
    },
    {
      name: 'no fix when the suggested operator is already in the block',
      code: policy('{"StringEquals":{"aws:PrincipalTag/a":"1"},"stringequals":{"aws:PrincipalTag/b":"2"}}'),
      errors: [{ messageId: 'case', text: '"stringequals"' }],
      output: null,
    },
    {
      code: policy('{"Matches":{"aws:PrincipalTag/a":"1"}}'),
      errors: [{ messageId: 'unknown', text: '"Matches"' }],
      output: null,
    },
    {
      code: policy('{"ForSomeValues:StringEquals":{"aws:TagKeys":"a"},"":{"aws:TagKeys":"a"}}'),
      errors: [
        { messageId: 'unknown', text: '"ForSomeValues:StringEquals"' },
        { messageId: 'unknown', text: '""' },
      ],
      output: null,
    },
  ],
});
