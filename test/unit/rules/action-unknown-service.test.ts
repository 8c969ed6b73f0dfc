import { actionUnknownService } from '../../../src/core/rules/action-unknown-service';
import { testRule } from '../rule-tester';

const policy = (action: string, element = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${element}": ${action}, "Resource": "*" }\n  ]\n}`;

testRule(actionUnknownService, {
  valid: [
    policy('["ssm:GetDocument", "ssmmessages:OpenDataChannel", "ec2messages:GetMessages", "s3:GetObject"]'),
    // Prefixes are case-insensitive.
    policy('"SSM:GetDocument"'),
    // Not this rule's business: no prefix, "*", a wildcard in the prefix, an unknown action of a known service.
    policy('["SendCommand", "*", "ssm*:Get*", "ssm:NoSuchAction"]'),
    policy('"iam:PassRole"', 'NotAction'),
  ],
  invalid: [
    {
      name: 'a typo of ssm',
      code: policy('"ssms:GetDocument"'),
      errors: [{ messageId: 'unknownDidYouMean', text: '"ssms:GetDocument"', data: { prefix: 'ssms', suggestion: 'ssm:GetDocument' }, suggestions: [{ messageId: 'changeAction', output: policy('"ssm:GetDocument"') }] }],
      output: null,
    },
    {
      name: 'a hyphen too many',
      code: policy('["ssm-messages:OpenDataChannel"]'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'ssmmessages:OpenDataChannel' }, suggestions: [{ messageId: 'changeAction', output: policy('["ssmmessages:OpenDataChannel"]') }] }],
      output: null,
    },
    {
      name: 'the service name instead of its prefix',
      code: policy('["system-manager:*", "SystemsManager:SendCommand"]'),
      errors: [
        { messageId: 'unknownDidYouMean', text: '"system-manager:*"', data: { suggestion: 'ssm:*' }, suggestions: [{ messageId: 'changeAction', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["ssm:*", "SystemsManager:SendCommand"], "Resource": "*" }
  ]
}` }] },
        { messageId: 'unknownDidYouMean', text: '"SystemsManager:SendCommand"', data: { suggestion: 'ssm:SendCommand' }, suggestions: [{ messageId: 'changeAction', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["system-manager:*", "ssm:SendCommand"], "Resource": "*" }
  ]
}` }] },
      ],
      output: null,
    },
    {
      name: 'in NotAction',
      code: policy('"cloudwatchlogs:PutLogEvents"', 'NotAction'),
      errors: [{ messageId: 'unknownDidYouMean', path: ['Statement', 0, 'NotAction'], data: { suggestion: 'logs:PutLogEvents' }, suggestions: [{ messageId: 'changeAction', output: policy('"logs:PutLogEvents"', 'NotAction') }] }],
      output: null,
    },
    {
      name: 'a distant suggestion is offered but not applied',
      code: policy('"elasticloadbalancingxyz:DescribeTags"'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'elasticloadbalancing:DescribeTags' }, suggestions: [{ messageId: 'changeAction', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "elasticloadbalancing:DescribeTags", "Resource": "*" }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'a retired service: no suggestion',
      code: policy('"deepracer:ListModels"'),
      errors: [{ messageId: 'unknown', text: '"deepracer:ListModels"', data: { prefix: 'deepracer' } }],
      output: null,
    },
  ],
});
