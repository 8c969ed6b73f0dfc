import { conditionValueFormat } from '../../../src/core/rules/condition-value-format';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":${condition}}]}`;

testRule(conditionValueFormat, {
  valid: [
    policy('{"StringNotEquals":{"aws:SourceVpc":["vpc-1a2b3c4d","vpc-0a1b2c3d4e5f67890"],"aws:SourceVpce":"vpce-1a2b3c4d"}}'),
    policy('{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-central-2","cn-north-1","us-gov-west-1"]}}'),
    policy('{"StringNotLike":{"aws:SourceVpc":"vpc-*","aws:RequestedRegion":"eu-*"},"StringEquals":{"aws:SourceVpce":"${aws:SourceVpce}"}}'),
    policy('{"DateGreaterThan":{"aws:CurrentTime":"2025-01-31T00:00:00Z"}}'),
  ],
  invalid: [
    {
      name: 'VPC and VPC endpoint IDs of the wrong length (the reference\'s vpc-/vpce- format)',
      code: policy('{"StringNotEquals":{"aws:SourceVpc":"vpc-123","aws:SourceVpce":"vpc-1a2b3c4d"}}'),
      errors: [
        { messageId: 'vpc', text: '"vpc-123"' },
        { messageId: 'vpce', text: '"vpc-1a2b3c4d"' },
      ],
      output: null,
    },
    {
      code: policy('{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","us-east","US-EAST-1"]}}'),
      errors: [
        { messageId: 'region', text: '"us-east"' },
        { messageId: 'region', text: '"US-EAST-1"' },
      ],
    },
    {
      name: 'an epoch date',
      code: policy('{"DateLessThan":{"aws:CurrentTime":"1738367999"}}'),
      errors: [{ messageId: 'epochDate', severity: 'warning' }],
    },
  ],
});
