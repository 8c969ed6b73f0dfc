import { conditionValueType } from '../../../src/core/rules/condition-value-type';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;
const at = (...path: (string | number)[]): (string | number)[] => ['Statement', 0, 'Condition', ...path];

testRule(conditionValueType, {
  valid: [
    policy('{"Bool":{"aws:SecureTransport":"true","aws:MultiFactorAuthPresent":false,"aws:ViaAWSService":"FALSE"}}'),
    policy('{"BoolIfExists":{"aws:MultiFactorAuthPresent":["true"]},"Bool":{"aws:PrincipalIsAWSService":"${aws:ViaAWSService}"}}'),
    policy('{"Null":{"aws:TokenIssueTime":"true","aws:SourceVpc":false}}'),
    policy('{"NumericLessThanEquals":{"s3:max-keys":"10","aws:MultiFactorAuthAge":3600},"NumericGreaterThan":{"k:n":["-1.5","2e3"]}}'),
    policy('{"DateGreaterThan":{"aws:CurrentTime":"2025-01-31T23:59:59Z"},"DateLessThan":{"aws:TokenIssueTime":["2025-01-31","2025","2025-01-31T23:59:59.123+02:00","2025-01-31T10:00Z"]}}'),
    policy('{"DateLessThanEquals":{"aws:EpochTime":1738367999},"DateEquals":{"aws:EpochTime":"1738367999"}}'),
    policy('{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","10.0.0.1","2001:DB8:1234:5678::/64","::1","::ffff:192.0.2.1","fe80::1:2:3:4:5/10"]}}'),
    policy('{"NotIpAddressIfExists":{"aws:SourceIp":"1.2.3.4/32"},"ForAnyValue:IpAddress":{"aws:VpcSourceIp":["10.0.0.0/8"]}}'),
    policy('{"BinaryEquals":{"k:b":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}'),
    // String and ARN operators take any scalar, and policy variables.
    policy('{"StringEquals":{"s3:max-keys":10,"aws:PrincipalTag/on":true},"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:${aws:PrincipalAccount}:*"}}'),
    // An unknown operator is condition-operator-unknown's finding, not a value problem.
    policy('{"NumericEqualz":{"k:n":"ten"}}'),
  ],
  invalid: [
    {
      name: 'several values for one Boolean key',
      code: policy('{"Bool":{"aws:SecureTransport":["true","false"]}}'),
      errors: [{ messageId: 'multipleBoolean', path: at('Bool', 'aws:SecureTransport'), data: { count: '2' } }],
    },
    {
      name: 'values of one key with different JSON types',
      code: policy('{"StringEquals":{"aws:PrincipalTag/level":["1",2]}}'),
      errors: [{ messageId: 'mixedTypes', data: { types: 'strings and numbers', example: '2' } }],
    },
    {
      code: policy('{"Bool":{"aws:SecureTransport":"yes"}}'),
      errors: [{ messageId: 'bool', path: at('Bool', 'aws:SecureTransport'), text: '"yes"' }],
      output: null,
    },
    {
      code: policy('{"Null":{"aws:TokenIssueTime":["true","maybe"],"aws:SourceVpc":"${aws:username}"}}'),
      errors: [
        { messageId: 'null', path: at('Null', 'aws:TokenIssueTime', 1), text: '"maybe"' },
        { messageId: 'policyVariable', path: at('Null', 'aws:SourceVpc'), text: '"${aws:username}"' },
      ],
    },
    {
      code: policy('{"NumericLessThan":{"s3:max-keys":"ten"},"NumericEquals":{"k:n":true}}'),
      errors: [
        { messageId: 'numeric', text: '"ten"' },
        { messageId: 'numeric', text: 'true' },
      ],
    },
    {
      code: policy('{"DateGreaterThan":{"aws:CurrentTime":["31/01/2025","2025-13-01T00:00:00Z","2025-01-01T25:00:00Z"]}}'),
      errors: [
        { messageId: 'date', text: '"31/01/2025"' },
        { messageId: 'date', text: '"2025-13-01T00:00:00Z"' },
        { messageId: 'date', text: '"2025-01-01T25:00:00Z"' },
      ],
    },
    {
      code: policy('{"DateLessThan":{"aws:CurrentTime":"${aws:TokenIssueTime}"}}'),
      errors: [{ messageId: 'policyVariable', path: at('DateLessThan', 'aws:CurrentTime') }],
    },
    {
      code: policy('{"IpAddress":{"aws:SourceIp":["10.0.0.300","10.0.0.0/33","2001:db8::/129","1::2::3","10.0.0.0/x"]}}'),
      errors: [
        { messageId: 'ipAddress', text: '"10.0.0.300"' },
        { messageId: 'ipAddress', text: '"10.0.0.0/33"' },
        { messageId: 'ipAddress', text: '"2001:db8::/129"' },
        { messageId: 'ipAddress', text: '"1::2::3"' },
        { messageId: 'ipAddress', text: '"10.0.0.0/x"' },
      ],
    },
    {
      code: policy('{"NotIpAddressIfExists":{"aws:SourceIp":"*"}}'),
      errors: [{ messageId: 'ipAddress', text: '"*"' }],
    },
    {
      code: policy('{"BinaryEquals":{"k:b":"not base64!"}}'),
      errors: [{ messageId: 'binary', text: '"not base64!"' }],
    },
    {
      name: 'objects and nested arrays are not values',
      code: policy('{"StringEquals":{"aws:PrincipalTag/a":{"x":"y"},"aws:PrincipalTag/b":["ok",["nested"]]}}'),
      errors: [
        { messageId: 'notScalar', path: at('StringEquals', 'aws:PrincipalTag/a'), data: { type: 'object' } },
        { messageId: 'notScalar', path: at('StringEquals', 'aws:PrincipalTag/b', 1), data: { type: 'array' } },
      ],
    },
    {
      code: policy('{"StringLike":{"s3:prefix":null}}'),
      errors: [{ messageId: 'nullValue', text: 'null' }],
      output: null,
    },
  ],
});
