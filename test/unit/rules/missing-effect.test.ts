import { missingEffect } from '../../../src/core/rules/missing-effect';
import { testRule } from '../rule-tester';

testRule(missingEffect, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    // A wrong-type or wrong-value Effect is still present: element-type and effect-value report it.
    '{"Version":"2012-10-17","Statement":[{"Effect":false,"Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}',
    // A misspelled key is reported and renamed by unknown-element.
    '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Efect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    // No statements to check.
    '{"Version":"2012-10-17","Statement":[]}',
    '{"Version":"2012-10-17","Statement":["x"]}',
    '{"Version":"2012-10-17","Effect":"Allow"}',
  ],
  invalid: [
    {
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Action": "s3:GetObject", "Resource": "*" }\n  ]\n}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: null,
    },
    {
      name: 'second statement only, and an empty statement',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Action":"s3:PutObject","Resource":"*"},{}]}',
      errors: [
        { messageId: 'missing', text: '{' },
        { messageId: 'missing', text: '{' },
      ],
    },
    {
      name: 'single statement object in a trust policy',
      code: '{"Version":"2012-10-17","Statement":{"Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}}',
      kind: 'trust',
      errors: [{ messageId: 'missing', text: '{' }],
    },
  ],
});
