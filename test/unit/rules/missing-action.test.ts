import { missingAction } from '../../../src/core/rules/missing-action';
import { testRule } from '../rule-tester';

testRule(missingAction, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:*"],"Resource":"*"}]}',
    // Present but empty or mistyped: empty-value and element-type report it.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":null,"Resource":"*"}]}',
    // Misspelled keys are reported and renamed by unknown-element.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":["s3:GetObject"],"Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","notAction":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[]}',
  ],
  invalid: [
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: null,
    },
    {
      name: 'trust statement',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ssm.amazonaws.com" }\n    }\n  ]\n}',
      errors: [{ messageId: 'missingTrust', text: '{' }],
    },
    {
      name: 'SCP with two statements, one complete',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Resource":"*"}]}',
      kind: 'scp',
      errors: [{ messageId: 'missing', text: '{' }],
    },
  ],
});
