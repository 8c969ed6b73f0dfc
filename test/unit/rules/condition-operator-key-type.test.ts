import { conditionOperatorKeyType } from '../../../src/core/rules/condition-operator-key-type';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;

testRule(conditionOperatorKeyType, {
  valid: [
    policy('{"Bool":{"aws:MultiFactorAuthPresent":"true"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}'),
    policy('{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"},"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/R"}}'),
    policy('{"DateGreaterThan":{"aws:EpochTime":"1738367999"},"Null":{"aws:SourceIp":"false"},"StringEquals":{"unknown:key":"x"}}'),
  ],
  invalid: [
    {
      name: 'a String operator on a Bool key (the reference\'s aws:MultiFactorAuthPresent example)',
      code: policy('{"StringEquals":{"aws:MultiFactorAuthPresent":"true"}}'),
      errors: [{ messageId: 'mismatch', data: { key: 'aws:MultiFactorAuthPresent', expected: 'Bool' } }],
      output: null,
    },
    {
      code: policy('{"DateGreaterThan":{"aws:SourceIp":"2025-01-01"},"IpAddress":{"aws:CurrentTime":"10.0.0.0/8"}}'),
      errors: [
        { messageId: 'mismatch', data: { key: 'aws:SourceIp' } },
        { messageId: 'mismatch', data: { key: 'aws:CurrentTime' } },
      ],
    },
    {
      name: 'StringLike on an ARN key',
      code: policy('{"StringLike":{"aws:SourceArn":"arn:aws:s3:::*"}}'),
      errors: [{ messageId: 'stringLikeOnArn', data: { arnOperator: 'ArnLike' } }],
    },
  ],
});
