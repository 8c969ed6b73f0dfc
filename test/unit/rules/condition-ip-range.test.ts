import { conditionIpRange } from '../../../src/core/rules/condition-ip-range';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;

testRule(conditionIpRange, {
  valid: [
    policy('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8:1234:5678::/64","198.51.100.7"]}}'),
    policy('{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"},"StringEquals":{"aws:SourceVpc":"vpc-1a2b3c4d"}}'),
  ],
  invalid: [
    {
      name: 'aws:SourceIp with private ranges only',
      code: policy('{"IpAddress":{"aws:SourceIp":["10.0.0.0/16","192.168.1.0/24"]}}'),
      errors: [{ messageId: 'privateOnly', path: ['Statement', 0, 'Condition', 'IpAddress', 'aws:SourceIp'] }],
      output: null,
    },
    {
      code: policy('{"NotIpAddress":{"aws:SourceIp":"172.16.0.0/12"}}'),
      errors: [{ messageId: 'privateOnlyNegated' }],
    },
    {
      name: 'a mix of private and public ranges',
      code: policy('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","10.1.0.0/16"]},"NotIpAddress":{"aws:SourceIp":["198.51.100.0/24","fd00::/8"]}}'),
      errors: [
        { messageId: 'privateMixed', severity: 'info', text: '"10.1.0.0/16"' },
        { messageId: 'privateMixedNegated', severity: 'info', text: '"fd00::/8"' },
      ],
    },
    {
      name: 'host bits after the prefix',
      code: policy('{"IpAddress":{"aws:SourceIp":["203.0.113.7/24","2001:db8::1/32"]}}'),
      errors: [
        {
          messageId: 'hostBits',
          severity: 'info',
          data: { suggestion: '203.0.113.0/24' },
          suggestions: [{ messageId: 'writeRange', data: { suggestion: '203.0.113.0/24' }, output: policy('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::1/32"]}}') }],
        },
        {
          messageId: 'hostBits',
          severity: 'info',
          data: { suggestion: '2001:db8::/32' },
          suggestions: [{ messageId: 'writeRange', data: { suggestion: '2001:db8::/32' }, output: policy('{"IpAddress":{"aws:SourceIp":["203.0.113.7/24","2001:db8::/32"]}}') }],
        },
      ],
      output: null,
    },
  ],
});
