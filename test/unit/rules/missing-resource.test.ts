import { missingResource } from '../../../src/core/rules/missing-resource';
import { testRule } from '../rule-tester';

testRule(missingResource, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::logs/*"]}]}',
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}', kind: 'scp' },
    // Role trust policies must not have a Resource: never reported here.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}', kind: 'trust' },
    // Present but empty: empty-value reports it.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[]}]}',
    // Misspelled keys are reported and renamed by unknown-element.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resources":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","resource":"*"}]}',
  ],
  invalid: [
    {
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:StartSession" }\n  ]\n}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: null,
    },
    {
      name: 'SCP statement',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"organizations:LeaveOrganization"}]}',
      fileName: 'deny-leave.scp.json',
      errors: [{ messageId: 'missingScp', text: '{' }],
    },
    {
      name: 'identity policy forced on a document with a principal',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}}',
      kind: 'identity',
      errors: [{ messageId: 'missing', text: '{' }],
    },
  ],
});
