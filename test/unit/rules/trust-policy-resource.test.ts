import { trustPolicyResource } from '../../../src/core/rules/trust-policy-resource';
import { testRule } from '../rule-tester';

testRule(trustPolicyResource, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    // Resource policies (an S3 bucket policy) name principals and resources legitimately.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::patch-baseline-snapshots/*"}]}',
    // Mixed actions: not a pure trust statement.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["sts:AssumeRole","s3:GetObject"],"Resource":"*"}]}',
    // sts actions that are not assume/tag actions, or no principal at all (an identity policy allowing AssumeRole).
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:GetCallerIdentity","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/ops"}]}',
    // Non-string action items: element-type reports the statement first.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["sts:AssumeRole",1],"Resource":"*"}]}',
  ],
  invalid: [
    {
      name: 'Resource in an SSM service-role trust policy',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ssm.amazonaws.com" },\n      "Action": "sts:AssumeRole",\n      "Resource": "*"\n    }\n  ]\n}',
      errors: [{ messageId: 'prohibited', text: '"Resource"', path: ['Statement', 0, 'Resource'], data: { element: 'Resource' }, suggestions: [{ messageId: 'remove', output: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "ssm.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}' }] }],
      output: null,
    },
    {
      name: 'NotResource with several trust actions and a wildcard',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"NotResource":"arn:aws:s3:::x","Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession","sts:SetSource*"]}]}',
      errors: [{ messageId: 'prohibited', text: '"NotResource"', data: { element: 'NotResource' }, suggestions: [{ messageId: 'remove', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession","sts:SetSource*"]}]}' }] }],
      output: null,
    },
    {
      name: 'second statement of a trust policy',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ci"},"Action":["sts:AssumeRole","sts:SetContext"],"Resource":["arn:aws:iam::123456789012:role/app"]}]}',
      errors: [{ messageId: 'prohibited', text: '"Resource"', path: ['Statement', 1, 'Resource'], suggestions: [{ messageId: 'remove', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ci"},"Action":["sts:AssumeRole","sts:SetContext"]}]}' }] }],
      output: null,
    },
    {
      name: 'Resource written first',
      code: '{"Version":"2012-10-17","Statement":[{"Resource":"*", "Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      errors: [{ messageId: 'prohibited', text: '"Resource"', suggestions: [{ messageId: 'remove', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}' }] }],
      output: null,
    },
    {
      name: 'both Resource and NotResource',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*","NotResource":"arn:aws:s3:::x"}]}',
      errors: [
        { messageId: 'prohibited', text: '"Resource"', suggestions: [{ messageId: 'remove', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","NotResource":"arn:aws:s3:::x"}]}' }] },
        { messageId: 'prohibited', text: '"NotResource"', suggestions: [{ messageId: 'remove', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}]}' }] },
      ],
      output: null,
    },
  ],
});
