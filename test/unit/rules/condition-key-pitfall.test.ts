import { conditionKeyPitfall } from '../../../src/core/rules/condition-key-pitfall';
import { testRule } from '../rule-tester';

const policy = (effect: string, action: string, condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":${action},"Resource":"*","Condition":${condition}}]}`;

testRule(conditionKeyPitfall, {
  valid: [
    policy('Allow', '"s3:GetObject"', '{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"},"StringEquals":{"aws:SourceVpc":"vpc-1a2b3c4d"}}'),
    policy('Allow', '"s3:ListBucket"', '{"StringLike":{"s3:prefix":"home/*"}}'),
    policy('Deny', '"s3:ListBucket"', '{"StringNotLike":{"s3:prefix":"home/*"}}'),
    policy('Allow', '"dynamodb:GetItem"', '{"ForAllValues:StringEquals":{"dynamodb:Attributes":["Id"]},"StringEquals":{"dynamodb:Select":"SPECIFIC_ATTRIBUTES"}}'),
    policy('Allow', '"ec2:CreateTags"', '{"StringEquals":{"ec2:CreateAction":"RunInstances"}}'),
  ],
  invalid: [
    {
      code: policy('Allow', '"s3:GetObject"', '{"StringLike":{"aws:UserAgent":"MyApp/*"}}'),
      errors: [{ messageId: 'untrustworthy' }],
      output: null,
    },
    {
      name: 'aws:VpcSourceIp without aws:SourceVpc',
      code: policy('Allow', '"s3:GetObject"', '{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}'),
      errors: [{ messageId: 'pairedKey' }],
    },
    {
      name: 's3:prefix in a Deny with StringLike',
      code: policy('Deny', '"s3:ListBucket"', '{"StringLike":{"s3:prefix":"private/*"}}'),
      errors: [{ messageId: 's3PrefixNegative', data: { effect: 'a Deny' } }],
    },
    {
      code: policy('Allow', '"dynamodb:GetItem"', '{"ForAllValues:StringEquals":{"dynamodb:Attributes":["Id","Name"]}}'),
      errors: [{ messageId: 'dynamodbSelect' }],
    },
    {
      code: policy('Allow', '"ec2:RunInstances"', '{"StringEquals":{"ec2:CreateAction":"RunInstances"}}'),
      errors: [{ messageId: 'createTagsMissing', severity: 'error' }],
    },
  ],
});
