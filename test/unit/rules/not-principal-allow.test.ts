import { notPrincipalAllow } from '../../../src/core/rules/not-principal-allow';
import { testRule } from '../rule-tester';

const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket/*';
const INTERN = { AWS: 'arn:aws:iam::111122223333:user/intern' };

testRule(notPrincipalAllow, {
  valid: [
    policy({ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    // NotPrincipal with Deny in a resource policy is supported.
    policy({ Effect: 'Deny', NotPrincipal: INTERN, Action: 's3:*', Resource: BUCKET }),
    policy(
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: BUCKET },
      { Effect: 'Deny', NotPrincipal: INTERN, Action: 's3:DeleteObject', NotResource: 'arn:aws:s3:::amzn-s3-demo-bucket/keep/*' },
    ),
    // Only the exact key: a misspelled "notPrincipal" is unknown-element's finding.
    { code: policy({ Effect: 'Allow', notPrincipal: INTERN, Action: 's3:GetObject', Resource: BUCKET }), kind: 'trust' },
    // Effect in the wrong case is effect-value's finding.
    policy({ Effect: 'allow', NotPrincipal: INTERN, Action: 's3:GetObject', Resource: BUCKET }),
    // Identity policies and SCPs: principal-in-identity reports any NotPrincipal.
    { code: policy({ Effect: 'Allow', NotPrincipal: INTERN, Action: 's3:GetObject', Resource: '*' }), kind: 'identity' },
    { code: policy({ Effect: 'Allow', NotPrincipal: INTERN, Action: 's3:GetObject', Resource: '*' }), kind: 'scp' },
  ],
  invalid: [
    {
      name: 'NotPrincipal with Allow in a bucket policy',
      code: policy({ Effect: 'Allow', NotPrincipal: INTERN, Action: 's3:GetObject', Resource: BUCKET }),
      errors: [{ messageId: 'allow', text: '"NotPrincipal"' }],
      output: null,
    },
    {
      name: 'NotPrincipal with Deny in a role trust policy',
      code: policy({ Effect: 'Deny', NotPrincipal: INTERN, Action: 'sts:AssumeRole' }),
      errors: [{ messageId: 'roleTrust', text: '"NotPrincipal"', path: ['Statement', 0, 'NotPrincipal'] }],
      output: null,
    },
    {
      name: 'NotPrincipal with Allow in a role trust policy, single statement object',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "NotPrincipal": { "AWS": "arn:aws:iam::111122223333:root" },\n    "Action": ["sts:AssumeRole", "sts:TagSession"]\n  }\n}',
      errors: [{ messageId: 'roleTrust', path: ['Statement', 'NotPrincipal'] }],
      output: null,
    },
    {
      name: 'wildcard STS actions make a role trust statement',
      code: policy({ Effect: 'Deny', NotPrincipal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:*' }),
      errors: [{ messageId: 'roleTrust' }],
      output: null,
    },
    {
      name: 'a role trust document: the NotPrincipal statement without STS actions is part of it',
      code: policy(
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
        { Effect: 'Deny', NotPrincipal: INTERN, Action: '*' },
        { Effect: 'Deny', NotPrincipal: INTERN },
      ),
      errors: [
        { messageId: 'roleTrust', path: ['Statement', 1, 'NotPrincipal'] },
        { messageId: 'roleTrust', path: ['Statement', 2, 'NotPrincipal'] },
      ],
      output: null,
    },
    {
      name: 'NotPrincipal of a wrong type is still the element',
      code: policy({ Effect: 'Allow', NotPrincipal: 42, Action: 's3:GetObject', Resource: BUCKET }, { Effect: 'Deny', NotPrincipal: ['*'], Action: ['sts:AssumeRole', 7] }),
      // The second statement's Action has a non-string item, so it is not taken for a role trust statement.
      errors: [{ messageId: 'allow', path: ['Statement', 0, 'NotPrincipal'] }],
      output: null,
    },
  ],
});
