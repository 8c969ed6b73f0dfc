import { emptyValue } from '../../../src/core/rules/empty-value';
import { testRule } from '../rule-tester';

testRule(emptyValue, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}',
    // "Sid": "" is harmless and common in console-generated trust policies.
    { code: '{"Version":"2012-10-17","Statement":[{"Sid":"","Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}', kind: 'trust' },
    // Empty action and resource strings are rejected by IAM: action-missing-prefix and arn-syntax report them.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject",""],"Resource":""}]}',
    // An empty string condition value is a real test: "the tag is empty".
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalTag/team":""}}}]}',
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com"]},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
    },
    // An empty Statement array is statement-missing's finding (IAM rejects it); an empty statement object is the missing-* rules'.
    '{"Version":"2012-10-17","Statement":[]}',
    '{"Version":"2012-10-17","Statement":[{}]}',
    // Wrong types are element-type's findings.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":{},"Resource":"*","Condition":[]}]}',
  ],
  invalid: [
    {
      name: 'empty Action and Resource lists',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":[]}]}',
      errors: [
        { messageId: 'emptyList', text: '[]', path: ['Statement', 0, 'Action'], data: { element: 'Action' } },
        { messageId: 'emptyList', text: '[]', path: ['Statement', 0, 'Resource'], data: { element: 'Resource' } },
      ],
      output: null,
    },
    {
      name: 'empty NotAction and NotResource lists',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":[ ],"NotResource":[]}]}',
      kind: 'scp',
      errors: [
        { messageId: 'emptyExclusionList', text: '[ ]', data: { element: 'NotAction', positive: 'Action' } },
        { messageId: 'emptyExclusionList', text: '[]', data: { element: 'NotResource', positive: 'Resource' } },
      ],
    },
    {
      name: 'empty principals',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":[],"Service":""},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [
        { messageId: 'emptyPrincipal', text: '{}', path: ['Statement', 0, 'Principal'] },
        { messageId: 'emptyPrincipalList', text: '[]', data: { principalType: 'AWS' } },
        { messageId: 'emptyPrincipalString', text: '""', path: ['Statement', 1, 'Principal', 'Service'], data: { element: 'Principal' } },
      ],
    },
    {
      name: 'empty Condition',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*", "Condition": {} }\n  ]\n}',
      errors: [{ messageId: 'emptyCondition', text: '{}', path: ['Statement', 0, 'Condition'] }],
    },
    {
      name: 'empty operator block and empty value list',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{"StringEquals":{},"ForAnyValue:StringLike":{"aws:TagKeys":[]}}}]}',
      errors: [
        { messageId: 'emptyOperatorBlock', text: '{}', data: { operator: 'StringEquals' } },
        { messageId: 'emptyConditionValues', text: '[]', data: { key: 'aws:TagKeys' } },
      ],
    },
  ],
});
