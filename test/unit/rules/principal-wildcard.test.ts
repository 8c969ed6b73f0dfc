import { principalWildcard } from '../../../src/core/rules/principal-wildcard';
import { testRule } from '../rule-tester';

const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

testRule(principalWildcard, {
  valid: [
    policy({ Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }),
    // A Condition narrows who matches.
    policy({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    }),
    policy({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    }),
    // Deny with "*" is the usual guard-rail pattern.
    policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    policy({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }),
    // Wrong case of Effect is effect-value's finding, not this rule's.
    policy({ Effect: 'allow', Principal: '*', Action: 'sts:AssumeRole' }),
    // A "*" inside an ARN is not the "everyone" principal (principal-aws-format reports it).
    policy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/*' }, Action: 'sts:AssumeRole' }),
    // "*" under NotPrincipal is not-principal-allow's concern.
    policy({ Effect: 'Allow', NotPrincipal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }),
    // Wrong types: element-type reports them.
    policy({ Effect: 'Allow', Principal: ['*'], Action: 'sts:AssumeRole' }),
    policy({ Effect: 'Allow', Principal: { AWS: ['*', 42] }, Action: 'sts:AssumeRole', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ops-*' } } }),
    // Identity policies and SCPs cannot have a Principal at all (principal-in-identity).
    { code: policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }), kind: 'identity' },
    { code: policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }), kind: 'scp' },
  ],
  invalid: [
    {
      name: 'bare "*" in a role trust policy',
      code: policy({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }),
      errors: [{ messageId: 'bare', text: '"*"', path: ['Statement', 0, 'Principal'] }],
      output: null,
    },
    {
      name: '"AWS": "*" in a single statement object',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Principal": { "AWS": "*" },\n    "Action": "sts:AssumeRole"\n  }\n}',
      errors: [{ messageId: 'aws', text: '"*"', path: ['Statement', 'Principal', 'AWS'] }],
      output: null,
    },
    {
      name: '"*" in an AWS list, next to an account',
      code: policy({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'], Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      errors: [{ messageId: 'aws', path: ['Statement', 0, 'Principal', 'AWS', 1] }],
      output: null,
    },
    {
      name: 'bucket policy open to everyone',
      code: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' }),
      errors: [{ messageId: 'bare' }],
      output: null,
    },
    {
      name: 'an empty Condition restricts nothing',
      code: policy(
        { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: {} },
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:TagSession', Condition: { StringEquals: {} } },
      ),
      errors: [
        { messageId: 'bare', path: ['Statement', 0, 'Principal'] },
        { messageId: 'aws', path: ['Statement', 1, 'Principal', 'AWS'] },
      ],
      output: null,
    },
    {
      name: 'only the open statements are reported',
      code: policy(
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: 'aws:PrincipalOrgID' },
      ),
      errors: [{ messageId: 'aws', path: ['Statement', 1, 'Principal', 'AWS'] }],
      output: null,
    },
  ],
});
