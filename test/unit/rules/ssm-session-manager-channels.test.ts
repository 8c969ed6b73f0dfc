import { ssmSessionManagerChannels } from '../../../src/core/rules/ssm-session-manager-channels';
import { testRule } from '../rule-tester';

/** The Session Manager policy for an existing instance role, from the SSM user guide. */
const DOCUMENTED = `{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel" ], "Resource": "*" }, { "Effect": "Allow", "Action": [ "s3:GetEncryptionConfiguration" ], "Resource": "*" } ] }`;

testRule(ssmSessionManagerChannels, {
  valid: [
    DOCUMENTED,
    '{"Statement":[{"Effect":"Allow","Action":"ssmmessages:*","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":["ssmmessages:Create*","ssmmessages:Open*"],"Resource":"*"}]}',
    // Split over statements.
    '{"Statement":[{"Effect":"Allow","Action":"ssmmessages:Create*","Resource":"*"},{"Effect":"Allow","Action":"ssmmessages:Open*","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
    // A user that starts or resumes sessions needs only OpenDataChannel.
    '{"Statement":[{"Effect":"Allow","Action":["ssm:StartSession"],"Resource":"*"},{"Effect":"Allow","Action":["ssm:TerminateSession","ssm:ResumeSession","ssmmessages:OpenDataChannel"],"Resource":"arn:aws:ssm:*:*:session/${aws:userid}-*"}]}',
    // What is missing is denied on purpose.
    '{"Statement":[{"Effect":"Allow","Action":"ssmmessages:*","Resource":"*"},{"Effect":"Deny","Action":"ssmmessages:*DataChannel","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:OpenControlChannel"],"Resource":"*"},{"Effect":"Deny","Action":"ssmmessages:*DataChannel","Resource":"*"}]}',
    // No channel action at all.
    '{"Statement":[{"Effect":"Allow","Action":"ssm:UpdateInstanceInformation","Resource":"*"}]}',
    '{"Statement":[{"Effect":"Allow","Action":{"bad":1}}]}',
  ],
  invalid: [
    {
      name: 'control channels only (exact formatting of the appended actions)',
      code: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:OpenControlChannel"
      ],
      "Resource": "*"
    }
  ]
}`,
      errors: [
        {
          messageId: 'incomplete',
          path: ['Statement', 0, 'Action'],
          data: {
            granted: 'ssmmessages:CreateControlChannel, ssmmessages:OpenControlChannel',
            missing: 'ssmmessages:CreateDataChannel, ssmmessages:OpenDataChannel',
          }, suggestions: [{ messageId: 'addActions', output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenDataChannel"
      ],
      "Resource": "*"
    }
  ]
}` }],
        },
      ],
      output: null,
    },
    {
      name: 'a one-line policy keeps its ", " separators',
      code: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel" ], "Resource": "*" } ] }',
      errors: [{ messageId: 'incomplete', data: { missing: 'ssmmessages:OpenDataChannel' }, suggestions: [{ messageId: 'addActions', output: '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel" ], "Resource": "*" } ] }' }] }],
      output:
        null,
    },
    {
      name: 'a single string Action becomes an array',
      code: '{"Statement":[{"Effect":"Allow","Action":"ssmmessages:Create*","Resource":"*"}]}',
      errors: [{ messageId: 'incomplete', text: '"ssmmessages:Create*"', data: { missing: 'ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel' }, suggestions: [{ messageId: 'addActions', output: '{"Statement":[{"Effect":"Allow","Action":["ssmmessages:Create*", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],"Resource":"*"}]}' }] }],
      output:
        null,
    },
    {
      name: 'three of four, reported on the statement that grants some',
      code: '{"Statement":[{"Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"},{"Effect":"Allow","Action":["ssmmessages:Open*","ssmmessages:CreateControlChannel"],"Resource":"*"}]}',
      errors: [{ messageId: 'incomplete', path: ['Statement', 1, 'Action'], data: { missing: 'ssmmessages:CreateDataChannel' }, suggestions: [{ messageId: 'addActions', output: '{"Statement":[{"Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"},{"Effect":"Allow","Action":["ssmmessages:Open*","ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel"],"Resource":"*"}]}' }] }],
      output:
        null,
    },
  ],
});
