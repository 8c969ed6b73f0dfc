import { actionUnknown } from '../../../src/core/rules/action-unknown';
import { testRule } from '../rule-tester';

const policy = (action: string, element = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${element}": ${action}, "Resource": "*" }\n  ]\n}`;

testRule(actionUnknown, {
  valid: [
    policy('["ssm:SendCommand", "ssm:GetServiceSetting", "ssmmessages:OpenDataChannel", "ec2messages:GetMessages"]'),
    // Action names are case-insensitive.
    policy('"ssm:sendcommand"'),
    // Wildcards are action-wildcard-no-match's; unknown services and missing prefixes are other rules'.
    policy('["ssm:Gett*", "ssms:GetDocument", "SendCommand", "*"]'),
    policy('"iam:PassRole"', 'NotAction'),
  ],
  invalid: [
    {
      name: 'a plural that does not exist',
      code: policy('["ssm:SendCommands"]'),
      errors: [{ messageId: 'unknownDidYouMean', text: '"ssm:SendCommands"', data: { name: 'SendCommands', suggestion: 'ssm:SendCommand' }, suggestions: [{ messageId: 'changeAction', output: policy('["ssm:SendCommand"]') }] }],
      output: null,
    },
    {
      name: 'the prefix keeps its case',
      code: policy('"SSM:GetServiceSettings"'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'SSM:GetServiceSetting' }, suggestions: [{ messageId: 'changeAction', output: policy('"SSM:GetServiceSetting"') }] }],
      output: null,
    },
    {
      name: 'in NotAction',
      code: policy('["ssmmessages:OpenDataChanel"]', 'NotAction'),
      errors: [{ messageId: 'unknownDidYouMean', path: ['Statement', 0, 'NotAction', 0], data: { suggestion: 'ssmmessages:OpenDataChannel' }, suggestions: [{ messageId: 'changeAction', output: policy('["ssmmessages:OpenDataChannel"]', 'NotAction') }] }],
      output: null,
    },
    {
      name: 'a distant suggestion is offered but not applied (the action may be newer than the data)',
      code: policy('"ssm:StartSessionXYZ"'),
      errors: [{ messageId: 'unknownDidYouMean', data: { suggestion: 'ssm:StartSession' }, suggestions: [{ messageId: 'changeAction', output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*" }
  ]
}` }] }],
      output: null,
    },
    {
      name: 'nothing close',
      code: policy('["ec2messages:Frobnicate", "ssm:"]'),
      errors: [
        { messageId: 'unknown', text: '"ec2messages:Frobnicate"' },
        { messageId: 'unknown', text: '"ssm:"' },
      ],
      output: null,
    },
  ],
});
