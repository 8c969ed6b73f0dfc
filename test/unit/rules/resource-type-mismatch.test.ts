import { resourceTypeMismatch } from '../../../src/core/rules/resource-type-mismatch';
import { testRule } from '../rule-tester';

const policy = (action: string, resource: string, actionElement = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${actionElement}": ${action}, "Resource": ${resource} }\n  ]\n}`;

testRule(resourceTypeMismatch, {
  valid: [
    policy('"ssm:SendCommand"', '["arn:aws:ec2:*:*:instance/*", "arn:aws:ssm:*:*:managed-instance/*", "arn:aws:ssm:us-east-2::document/AWS-RunShellScript"]'),
    policy('["ssm:GetParameter", "ssm:GetParameters"]', '"arn:aws:ssm:us-east-1:123456789012:parameter/app/*"'),
    policy('"ssm:DescribeInstanceInformation"', '"*"'),
    // AWS's own managed policies scope OpenDataChannel to Session Manager sessions.
    policy('"ssmmessages:OpenDataChannel"', '"arn:aws:ssm:*:*:session/*"'),
    // Not judged: NotAction, "*", unknown actions, unknown services.
    policy('"ssm:GetParameter"', '"arn:aws:ssm:*:*:instance/*"', 'NotAction'),
    policy('"*"', '"arn:aws:ssm:*:*:instance/*"'),
    policy('["ssm:SendCommand", "ssm:NoSuchAction"]', '"arn:aws:ssm:*:*:instance/*"'),
    policy('"ssm:SendCommand"', '"arn:aws:nosuchservice:*:*:thing/*"'),
    // A real resource type the data does not list for the action (ec2:CreateFleet creates network interfaces).
    policy('"ec2:CreateFleet"', '["arn:aws:ec2:*:*:fleet/*", "arn:aws:ec2:*:*:network-interface/*"]'),
    // Another service's ARN may be authorized where the data does not say so (EKS Connector).
    policy('"ssm:StartSession"', '"arn:aws:eks:*:*:cluster/*"'),
    // A "*" that ends the account field reaches into the resource: this matches "secret:sqlworkbench!…".
    policy('"secretsmanager:GetSecretValue"', '"arn:aws:secretsmanager:*:*:sqlworkbench!*"'),
    // Names may hold colons (AWS Backup's RDS snapshots); templates may hold wildcards (dms, health).
    policy('"rds:DeleteDBSnapshot"', '"arn:aws:rds:*:*:snapshot:awsbackup:*"'),
    policy('"dms:DescribeEndpoints"', '"arn:aws:dms:us-east-1:123456789012:endpoint:ABCDEF"'),
    policy('"health:DescribeEventDetails"', '"arn:aws:health:us-east-1::event/EC2/AWS_EC2_X/abc"'),
    // A resource word the data does not know (CloudFormation transforms), a path-style ARN, an all-wildcard ARN.
    policy('"cloudformation:CreateChangeSet"', '"arn:aws:cloudformation:*:aws:transform/Serverless-2016-10-31"'),
    policy('"logs:DescribeLogGroups"', '["arn:aws:logs:*:*:log-group::log-stream:*", "arn:aws:logs:*:*:*"]'),
    // EC2 instances written as ssm ARNs are ssm-arn-mixup's finding, which gives the corrected ARN.
    policy('"ssm:SendCommand"', '["arn:aws:ssm:us-east-2::document/AWS-RunShellScript", "arn:aws:ssm:*:*:instance/*"]'),
    policy('["ssm:SendCommand", "ssm:ListCommands"]', '"arn:aws:ssm:*:*:instance/*"'),
  ],
  invalid: [
    {
      name: 'the channel actions support no resource types',
      code: policy(
        '["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]',
        '"arn:aws:ssm:us-east-1:123456789012:instance/*"',
      ),
      errors: [{ messageId: 'wildcardOnly', data: { actions: 'ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel, ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel' } }],
      output: null,
    },
    {
      name: 'an action without resource types on an EC2 instance ARN',
      code: policy('["ssm:DescribeInstanceInformation"]', '["arn:aws:ssm:*:*:*", "arn:aws:ec2:*:*:instance/*"]'),
      errors: [{ messageId: 'wildcardOnly', text: '"arn:aws:ec2:*:*:instance/*"', data: { actions: 'ssm:DescribeInstanceInformation' } }],
    },
    {
      name: 'an action with resource types next to one without',
      code: policy('["ssm:SendCommand", "ssm:ListCommands"]', '"arn:aws:ssm:*:*:documents/AWS-RunShellScript"'),
      errors: [{ messageId: 'noActionAccepts' }],
    },
    {
      name: 'a misspelled resource type',
      code: policy('"sagemaker:DescribeEndpointConfig"', '"arn:aws:sagemaker:*:*:endpointconfig/*"'),
      errors: [{ messageId: 'noActionAccepts', data: { accepts: 'endpoint-config' } }],
    },
    {
      name: 'a stack ARN without the stack ID',
      code: policy('"cloudformation:DescribeStacks"', '"arn:aws:cloudformation:us-east-1:123456789012:stack/MyStack"'),
      errors: [{ messageId: 'noActionAccepts', text: '"arn:aws:cloudformation:us-east-1:123456789012:stack/MyStack"' }],
    },
    {
      name: 'a type word without its type separator',
      code: policy('"ssm:GetParameter"', '"arn:aws:ssm:us-east-1:123456789012:parameters/app"'),
      errors: [{ messageId: 'noActionAccepts', data: { accepts: 'parameter' } }],
    },
  ],
});
