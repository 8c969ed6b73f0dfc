import { ssmSendcommandDocumentTag } from '../../../src/core/rules/ssm-sendcommand-document-tag';
import { testRule } from '../rule-tester';

// The three Run Command policies of the SSM user guide ("Restricting Run Command access based on tags").
const FINANCE = `{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ssm:*:*:document/*" ] }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ec2:*:*:instance/*" ], "Condition":{ "StringLike":{ "ssm:resourceTag/Finance":[ "WebServers" ] } } } ] }`;
const TWO_TAGS = `{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":"*", "Condition":{ "StringLike":{ "ssm:resourceTag/tag_key1":[ "tag_value1" ], "ssm:resourceTag/tag_key2":[ "tag_value2" ] } } }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ssm:us-west-1::document/AWS-*", "arn:aws:ssm:us-east-2::document/AWS-*" ] }, { "Effect":"Allow", "Action":[ "ssm:UpdateInstanceInformation", "ssm:ListCommands", "ssm:ListCommandInvocations", "ssm:GetDocument" ], "Resource":"*" } ] }`;
const TAG_GROUPS = `{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":"*", "Condition":{ "StringLike":{ "ssm:resourceTag/tag_key1":[ "tag_value1" ] } } }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":"*", "Condition":{ "StringLike":{ "ssm:resourceTag/tag_key2":[ "tag_value2" ] } } }, { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":[ "arn:aws:ssm:us-west-1::document/AWS-*", "arn:aws:ssm:us-east-2::document/AWS-*" ] }, { "Effect":"Allow", "Action":[ "ssm:UpdateInstanceInformation", "ssm:ListCommands", "ssm:ListCommandInvocations", "ssm:GetDocument" ], "Resource":"*" } ] }`;

testRule(ssmSendcommandDocumentTag, {
  valid: [
    FINANCE,
    TWO_TAGS,
    TAG_GROUPS,
    // Only the account's own (tagged) documents are granted: AWS-owned documents are out of scope on purpose.
    '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":["arn:aws:ssm:*:111122223333:document/*","arn:aws:ec2:*:*:instance/*"],"Condition":{"StringEquals":{"aws:ResourceTag/Team":"web"}}}]}',
    // Operators that pass for untagged resources.
    '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringLikeIfExists":{"ssm:resourceTag/Team":"web"}}}]}',
    '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringNotEquals":{"ssm:resourceTag/Team":"ops"}}}]}',
    '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:ResourceTag/Team":"web"}}}]}',
    // Other conditions, no SendCommand, a bare "*", Deny.
    '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-2"}}}]}',
    '{"Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/Team":"web"}}}]}',
    '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/Team":"web"}}}]}',
    '{"Statement":[{"Effect":"Deny","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/Team":"web"}}}]}',
  ],
  invalid: [
    {
      name: 'the document grant folded into the tagged statement',
      code: '{ "Version":"2012-10-17", "Statement":[ { "Effect":"Allow", "Action":[ "ssm:SendCommand" ], "Resource":"*", "Condition":{ "StringLike":{ "ssm:resourceTag/tag_key1":[ "tag_value1" ] } } }, { "Effect":"Allow", "Action":[ "ssm:ListCommands" ], "Resource":"*" } ] }',
      errors: [
        { messageId: 'untaggedDocuments', path: ['Statement', 0, 'Condition', 'StringLike', 'ssm:resourceTag/tag_key1'], text: '"ssm:resourceTag/tag_key1"', data: { key: 'ssm:resourceTag/tag_key1' } },
      ],
      output: null,
    },
    {
      name: 'the Finance policy with both resources in one tagged statement',
      code: '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":["arn:aws:ssm:*:*:document/*","arn:aws:ec2:*:*:instance/*"],"Condition":{"StringLike":{"aws:ResourceTag/Finance":"WebServers"}}}]}',
      errors: [{ messageId: 'untaggedDocuments', text: '"aws:ResourceTag/Finance"' }],
      output: null,
    },
    {
      name: 'two tagged statements, both reported (ssm:* grants SendCommand)',
      code: '{"Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*","Condition":{"StringEquals":{"ssm:resourceTag/a":"1"}}},{"Effect":"Allow","Action":"ssm:Send*","Resource":"arn:aws:ssm:us-east-2::document/AWS-*","Condition":{"StringEquals":{"aws:ResourceTag/b":"2"}}}]}',
      errors: [
        { messageId: 'untaggedDocuments', path: ['Statement', 0, 'Condition', 'StringEquals', 'ssm:resourceTag/a'] },
        { messageId: 'untaggedDocuments', path: ['Statement', 1, 'Condition', 'StringEquals', 'aws:ResourceTag/b'] },
      ],
      output: null,
    },
  ],
});
