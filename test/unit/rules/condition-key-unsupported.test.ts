import { conditionKeyUnsupported } from '../../../src/core/rules/condition-key-unsupported';
import { testRule } from '../rule-tester';

const statement = (action: string, condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${action},"Resource":"*","Condition":${condition}}]}`;

testRule(conditionKeyUnsupported, {
  valid: [
    // The Run Command policies of the SSM user guide: ssm:SendCommand supports ssm:resourceTag/${TagKey} on instances.
    '{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ssm:*:*:document/*" ] }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ec2:*:*:instance/*" ], "Condition":{ "StringLike":{ "ssm:resourceTag/Finance":[ "WebServers" ] } } } ] }',
    '{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":"*", "Condition":{ "StringLike":{ "ssm:resourceTag/tag_key1":[ "tag_value1" ], "ssm:resourceTag/tag_key2":[ "tag_value2" ] } } }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ssm:us-west-1::document/AWS-*", "arn:aws:ssm:us-east-2::document/AWS-*" ] }, { "Effect":"Allow", "Action":[ "ssm:UpdateInstanceInformation", "ssm:ListCommands", "ssm:ListCommandInvocations", "ssm:GetDocument" ], "Resource":"*" } ] }',
    statement('["ssm:SendCommand","s3:GetObject"]', '{"StringEquals":{"SSM:RESOURCETAG/Env":"prod"}}'),
    statement('"s3:ListBucket"', '{"StringLike":{"s3:prefix":"home/*"}}'),
    statement('"iam:PassRole"', '{"StringEquals":{"iam:PassedToService":"ssm.amazonaws.com"}}'),
    // Global keys and cross-service session keys apply to every action.
    statement('"s3:GetObject"', '{"StringEquals":{"aws:ResourceTag/Env":"prod"},"ArnLike":{"ec2:SourceInstanceARN":"arn:aws:ec2:*:*:instance/*"}}'),
    // Not every action is known (unknown service, "*", NotAction): the rule cannot say "none".
    statement('["s3:GetObject","example:DoThing"]', '{"StringEquals":{"ssm:resourceTag/Env":"prod"}}'),
    statement('"*"', '{"StringEquals":{"ssm:resourceTag/Env":"prod"}}'),
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"ssm:resourceTag/Env":"prod"}}}]}',
    // The reference lists no condition keys for aws-marketplace:Subscribe, yet AWS's own policies use ProductId with it.
    statement('"aws-marketplace:Subscribe"', '{"ForAnyValue:StringEquals":{"aws-marketplace:ProductId":["prod-1"]}}'),
    // Unknown keys are condition-key-unknown's finding.
    statement('"s3:GetObject"', '{"StringEquals":{"ssm:Flavour":"x"}}'),
  ],
  invalid: [
    {
      code: statement('"s3:GetObject"', '{"StringEquals":{"ssm:resourceTag/Env":"prod"}}'),
      errors: [{ messageId: 'unsupported', text: '"ssm:resourceTag/Env"', data: { actions: 's3:GetObject' } }],
      output: null,
    },
    {
      code: statement('["ssm:SendCommand","ssm:StartSession"]', '{"StringEquals":{"iam:PassedToService":"ssm.amazonaws.com","ssm:resourceTag/Env":"prod"}}'),
      errors: [{ messageId: 'unsupported', path: ['Statement', 0, 'Condition', 'StringEquals', 'iam:PassedToService'] }],
    },
    {
      code: statement('"ssm:Get*"', '{"StringLike":{"s3:prefix":"home/*"}}'),
      errors: [{ messageId: 'unsupported', text: '"s3:prefix"' }],
    },
  ],
});
