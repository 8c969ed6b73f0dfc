import { policyVariable } from '../../../src/core/rules/policy-variable';
import { testRule } from '../rule-tester';

const stmt = (body: string, version = '"Version":"2012-10-17",'): string => `{${version}"Statement":[{"Effect":"Allow",${body}}]}`;

testRule(policyVariable, {
  valid: [
    stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"'),
    stmt('"Action":"s3:ListBucket","Resource":"*","Condition":{"StringLike":{"s3:prefix":["home/${aws:userid, \'anonymous\'}/*","${*}${?}${$}"]}}'),
    stmt('"Action":"ec2:StartInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}'),
    // Template placeholders are the placeholder rule's.
    stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::${BucketName}/*"'),
  ],
  invalid: [
    {
      name: 'missing closing brace (the reference\'s example, reworded)',
      code: stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/${aws:username/*"'),
      errors: [{ messageId: 'missingBrace', path: ['Statement', 0, 'Resource'] }],
      output: null,
    },
    {
      code: stmt('"Action":"s3:GetObject","Resource":["arn:aws:s3:::b/${}","arn:aws:s3:::b/${aws: username}"]'),
      errors: [{ messageId: 'empty' }, { messageId: 'space', data: { name: 'aws:username' } }],
    },
    {
      name: 'default value without single quotes',
      code: stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:PrincipalTag/team, company-wide}/*"'),
      errors: [{ messageId: 'missingQuote', data: { fallback: 'company-wide' } }],
    },
    {
      code: stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:user#name}"'),
      errors: [{ messageId: 'symbol', data: { symbol: '#' } }],
    },
    {
      name: 'variables in Action and Principal',
      code: stmt('"Action":"s3:${aws:username}","Principal":{"AWS":"arn:aws:iam::111122223333:user/${aws:username}"},"Resource":"*"'),
      errors: [
        { messageId: 'element', path: ['Statement', 0, 'Action'], data: { element: 'Action' } },
        { messageId: 'element', path: ['Statement', 0, 'Principal', 'AWS'], data: { element: 'Principal' } },
      ],
    },
    {
      name: 'a variable without Version is literal text',
      code: stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*"', ''),
      errors: [{ messageId: 'noVersion', data: { variable: '${aws:username}' } }],
    },
    {
      code: stmt('"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:usernme}/*"'),
      errors: [{ messageId: 'unknownGlobal', severity: 'warning', data: { suggestion: 'aws:username' } }],
    },
  ],
});
