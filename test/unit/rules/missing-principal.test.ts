import { missingPrincipal } from '../../../src/core/rules/missing-principal';
import { testRule } from '../rule-tester';

testRule(missingPrincipal, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:*","Resource":"arn:aws:s3:::b/*"}]}',
    // Identity policies have no principals: the rule does not apply.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    { code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}', kind: 'scp' },
    // Misspelled keys are reported and renamed by unknown-element.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principle":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}',
  ],
  invalid: [
    {
      name: 'one statement forgot its principal',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Principal": { "Service": "ssm.amazonaws.com" }, "Action": "sts:AssumeRole" },\n    { "Effect": "Allow", "Action": "sts:TagSession" }\n  ]\n}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: null,
    },
    {
      name: 'kind forced to trust',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}',
      kind: 'trust',
      errors: [{ messageId: 'missing', text: '{' }],
    },
  ],
});
