import { resourceLevelUnsupported } from '../../../src/core/rules/resource-level-unsupported';
import { testRule } from '../rule-tester';

const policy = (...statements: string[]): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;
const PARAMS = '"arn:aws:ssm:us-east-1:123456789012:parameter/app/*"';

testRule(resourceLevelUnsupported, {
  valid: [
    policy('{ "Effect": "Allow", "Action": "ssm:DescribeParameters", "Resource": "*" }', `{ "Effect": "Allow", "Action": "ssm:GetParameters", "Resource": ${PARAMS} }`),
    // A service-wide ARN may be what IAM checks a list action against.
    policy('{ "Effect": "Allow", "Action": ["ssm:DescribeParameters", "ssm:GetParameters"], "Resource": ["arn:aws:ssm:us-east-1:123456789012:*"] }'),
    // Granted on "*" elsewhere: the entry here is redundant, not broken.
    policy(`{ "Effect": "Allow", "Action": ["ssm:DescribeParameters", "ssm:GetParameters"], "Resource": ${PARAMS} }`, '{ "Effect": "Allow", "Action": "ssm:Describe*", "Resource": "*" }'),
    // Wildcards are not judged ("ssm:Describe*" also names actions with resource types), nor services whose data lags.
    policy(`{ "Effect": "Allow", "Action": ["ssm:Describe*", "ssm:Get*"], "Resource": ${PARAMS} }`),
    policy('{ "Effect": "Allow", "Action": "iam:ListRoles", "Resource": "arn:aws:iam::123456789012:role/app/*" }'),
    policy('{ "Effect": "Allow", "Action": "ssm:ListCloudConnectors", "Resource": "arn:aws:ssm:*:*:cloud-connector/*" }'),
    // Only ARNs of another service for actions without resource types: resource-type-mismatch's finding.
    policy('{ "Effect": "Allow", "Action": "ssm:DescribeInstanceInformation", "Resource": "arn:aws:ec2:*:*:instance/*" }'),
    // NotResource is not judged.
    policy(`{ "Effect": "Allow", "Action": "ssm:DescribeParameters", "NotResource": ${PARAMS} }`),
  ],
  invalid: [
    {
      name: 'DescribeParameters next to GetParameters on parameter ARNs',
      code: policy(`{ "Effect": "Allow", "Action": ["ssm:DescribeParameters", "ssm:GetParameters"], "Resource": [${PARAMS}] }`),
      errors: [
        {
          messageId: 'allow',
          text: '"ssm:DescribeParameters"',
          data: { action: 'ssm:DescribeParameters', arns: `${PARAMS}` },
          suggestions: [{ messageId: 'moveAction', output: policy('{ "Effect": "Allow", "Action": ["ssm:GetParameters"], "Resource": ["arn:aws:ssm:us-east-1:123456789012:parameter/app/*"] }', '{"Effect":"Allow","Action":"ssm:DescribeParameters","Resource":"*"}') }],
        },
      ],
      output: null,
    },
    {
      name: 'an action of its own service on typed ARNs only (resource-type-mismatch is silent there)',
      code: policy('{ "Effect": "Allow", "Action": ["ssm:DescribeInstanceInformation"], "Resource": "arn:aws:ssm:*:*:managed-instance/*" }'),
      errors: [
        {
          messageId: 'allow',
          data: { action: 'ssm:DescribeInstanceInformation' },
          suggestions: [{ messageId: 'wildcardResource', output: policy('{ "Effect": "Allow", "Action": ["ssm:DescribeInstanceInformation"], "Resource": "*" }') }],
        },
      ],
    },
    {
      name: 'a Deny that never applies',
      code: policy('{ "Effect": "Deny", "Action": ["ssm:DescribeSessions", "ssm:TerminateSession"], "Resource": "arn:aws:ssm:*:*:session/*" }'),
      errors: [{ messageId: 'deny', suggestions: [{ messageId: 'moveAction', output: policy('{ "Effect": "Deny", "Action": ["ssm:TerminateSession"], "Resource": "arn:aws:ssm:*:*:session/*" }', '{"Effect":"Deny","Action":"ssm:DescribeSessions","Resource":"*"}') }] }],
    },
    {
      name: 'EC2 Describe actions with a tag condition (KafkaConnectServiceRolePolicy)',
      code: policy('{ "Effect": "Allow", "Action": ["ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"], "Resource": "arn:aws:ec2:*:*:network-interface/*" }'),
      errors: [{ messageId: 'allow', suggestions: [{ messageId: 'moveAction', output: policy('{ "Effect": "Allow", "Action": ["ec2:DeleteNetworkInterface"], "Resource": "arn:aws:ec2:*:*:network-interface/*" }', '{"Effect":"Allow","Action":"ec2:DescribeNetworkInterfaces","Resource":"*"}') }] }],
    },
    {
      name: 'the suggestion moves the action to a new statement with "Resource": "*", keeping the condition',
      code: policy(`{ "Effect": "Allow", "Action": ["ssm:DescribeParameters", "ssm:GetParameters"], "Resource": ${PARAMS}, "Condition": { "Bool": { "aws:SecureTransport": "true" } } }`),
      errors: [
        {
          messageId: 'allow',
          suggestions: [{ messageId: 'moveAction', data: { action: 'ssm:DescribeParameters' }, output: policy(
                `{ "Effect": "Allow", "Action": ["ssm:GetParameters"], "Resource": ${PARAMS}, "Condition": { "Bool": { "aws:SecureTransport": "true" } } }`,
                '{"Effect":"Allow","Action":"ssm:DescribeParameters","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}',
              ) }],
        },
      ],
    },
  ],
});
