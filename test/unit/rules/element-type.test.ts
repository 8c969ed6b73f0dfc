import { elementType } from '../../../src/core/rules/element-type';
import { testRule } from '../rule-tester';

testRule(elementType, {
  valid: [
    '{"Version":"2012-10-17","Id":"p","Statement":[{"Sid":"A","Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameters"],"Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":["arn:aws:s3:::b/*"]}}',
    // Condition values may be strings, numbers and booleans, alone or in a flat list.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{"NumericLessThanEquals":{"s3:max-keys":10},"Bool":{"aws:SecureTransport":true},"StringEquals":{"aws:SourceVpc":["vpc-1","vpc-2"],"aws:PrincipalTag/team":""}}}]}',
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}',
      kind: 'trust',
    },
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2.amazonaws.com"],"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
    },
    // Empty values have the right type; empty-value and statement-missing report them.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"","Condition":{}}]}',
    '{"Version":"2012-10-17","Statement":[]}',
    // Not an object: json-syntax reports it.
    '["Version"]',
  ],
  invalid: [
    {
      name: 'boolean Effect',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":true,"Action":"s3:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'notString', text: 'true', path: ['Statement', 0, 'Effect'], data: { element: 'Effect', type: 'the boolean true' } }],
      output: null,
    },
    {
      name: 'non-string Id and Sid (a non-string Version is version-invalid\'s)',
      code: '{"Version":2012,"Id":["x"],"Statement":[{"Sid":1,"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [
        { messageId: 'notString', text: '["x"]', data: { element: 'Id', type: 'an array' } },
        { messageId: 'notString', text: '1', data: { element: 'Sid' } },
      ],
    },
    {
      name: 'Statement is a string',
      code: '{"Version":"2012-10-17","Statement":"Allow everything"}',
      errors: [{ messageId: 'statementShape', text: '"Allow everything"', data: { type: 'a string' } }],
    },
    {
      name: 'non-object statement items',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}, "x", [], null]}',
      errors: [
        { messageId: 'statementNotObject', text: '"x"', path: ['Statement', 1] },
        { messageId: 'statementNotObject', text: '[]', path: ['Statement', 2] },
        { messageId: 'statementNotObject', text: 'null', path: ['Statement', 3] },
      ],
    },
    {
      name: 'Action is an object, Resource a number',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":{"ssm":"GetParameter"},"Resource":42}]}',
      errors: [
        { messageId: 'notStringOrArray', text: '{"ssm":"GetParameter"}', data: { element: 'Action', type: 'an object' } },
        { messageId: 'notStringOrArray', text: '42', data: { element: 'Resource', type: 'a number' } },
      ],
    },
    {
      name: 'non-string items: a number and a nested array',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject", 7, ["s3:PutObject"]],"NotResource":[null]}]}',
      errors: [
        { messageId: 'itemNotString', text: '7', path: ['Statement', 0, 'Action', 1] },
        { messageId: 'itemNotString', text: '["s3:PutObject"]', path: ['Statement', 0, 'Action', 2], data: { type: 'an array' } },
        { messageId: 'itemNotString', text: 'null', data: { element: 'NotResource', type: 'null' } },
      ],
    },
    {
      name: 'Principal as a bare ARN and as an array',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"arn:aws:iam::123456789012:root","Action":"sts:AssumeRole"},{"Effect":"Deny","NotPrincipal":["*"],"Action":"s3:*","Resource":"*"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'principalShape', text: '"arn:aws:iam::123456789012:root"', data: { element: 'Principal' } },
        { messageId: 'principalShape', text: '["*"]', data: { element: 'NotPrincipal', type: 'an array' } },
      ],
    },
    {
      name: 'principal values of the wrong type',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":123456789012,"Service":["ssm.amazonaws.com",{"x":1}]},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'principalValue', text: '123456789012', data: { principalType: 'AWS', type: 'a number' } },
        { messageId: 'principalValue', text: '{"x":1}', data: { principalType: 'Service', type: 'an object' } },
      ],
    },
    {
      name: 'Condition is an array',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":[{"Bool":{"aws:SecureTransport":"true"}}]}]}',
      errors: [{ messageId: 'conditionShape', text: '[{"Bool":{"aws:SecureTransport":"true"}}]', data: { type: 'an array' } }],
    },
    {
      name: 'operator block and values of the wrong type',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":"aws:SourceVpc","Bool":{"aws:SecureTransport":{"v":true}},"StringLike":{"s3:prefix":["a/*",["b/*"],null]}}}]}',
      errors: [
        { messageId: 'conditionBlockShape', text: '"aws:SourceVpc"', data: { operator: 'StringEquals', type: 'a string' } },
        { messageId: 'conditionValue', text: '{"v":true}', data: { key: 'aws:SecureTransport' } },
        { messageId: 'conditionValue', text: '["b/*"]', path: ['Statement', 0, 'Condition', 'StringLike', 's3:prefix', 1] },
        { messageId: 'conditionValue', text: 'null', data: { type: 'null' } },
      ],
    },
  ],
});
