import { effectValue } from '../../../src/core/rules/effect-value';
import { testRule } from '../rule-tester';

testRule(effectValue, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}',
    // Missing or non-string Effect is reported by missing-effect and element-type.
    '{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":true,"Action":"s3:GetObject","Resource":"*"}]}',
    // Only statements' Effect is checked, not look-alike keys elsewhere.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Effect":"allow"}}}]}',
  ],
  invalid: [
    {
      name: 'lower case',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'wrongCase', text: '"allow"', path: ['Statement', 0, 'Effect'], data: { suggestion: 'Allow' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    },
    {
      name: 'upper case in a single statement object',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "DENY",\n    "Action": "s3:*",\n    "Resource": "*"\n  }\n}',
      kind: 'scp',
      errors: [{ messageId: 'wrongCase', text: '"DENY"', data: { suggestion: 'Deny' } }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Deny",\n    "Action": "s3:*",\n    "Resource": "*"\n  }\n}',
    },
    {
      name: 'typos',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Alow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Denny","Action":"s3:PutObject","Resource":"*"}]}',
      errors: [
        { messageId: 'typo', text: '"Alow"', data: { value: 'Alow', suggestion: 'Allow' }, suggestions: [{ messageId: 'changeEffect', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Denny","Action":"s3:PutObject","Resource":"*"}]}' }] },
        { messageId: 'typo', text: '"Denny"', data: { suggestion: 'Deny' }, suggestions: [{ messageId: 'changeEffect', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Alow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'surrounding whitespace',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":" Allow ","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'typo', text: '" Allow "', data: { suggestion: 'Allow' }, suggestions: [{ messageId: 'changeEffect', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' }] }],
      output: null,
    },
    {
      name: 'no suggestion',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"},{"Effect":"","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [
        { messageId: 'invalid', text: '"Permit"', data: { value: 'Permit' } },
        { messageId: 'invalid', text: '""' },
      ],
      output: null,
    },
    {
      name: 'trust policy',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'wrongCase', text: '"allow"' }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    },
  ],
});
