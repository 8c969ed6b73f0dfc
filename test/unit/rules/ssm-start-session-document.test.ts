import { ssmStartSessionDocument } from '../../../src/core/rules/ssm-start-session-document';
import { testRule } from '../rule-tester';

const policy = (...statements: string[]): string => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;
const INSTANCES = '"arn:aws:ec2:us-east-2:123456789012:instance/*"';
const CHECK = '"Condition": { "BoolIfExists": { "ssm:SessionDocumentAccessCheck": "true" } }';
const TAG = '"Condition": { "StringLike": { "ssm:resourceTag/Team": "web" } }';

testRule(ssmStartSessionDocument, {
  valid: [
    // Without the access check, the default session needs no document.
    policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}] }`),
    policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2:123456789012:document/SSM-SessionManagerRunShell"], ${CHECK} }`),
    policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*", ${CHECK} }`),
    // The tag condition for the nodes, the documents in their own statement (aws-cdk-proxy-server).
    policy(
      `{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}], ${TAG} }`,
      '{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": ["arn:aws:ssm:*:*:document/AWS-StartSSHSession"] }',
    ),
    // A customer document may carry the tag; IfExists passes for untagged documents.
    policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2:123456789012:document/MyPortForward"], ${TAG} }`),
    policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:*::document/AWS-StartSSHSession"], "Condition": { "StringLikeIfExists": { "ssm:resourceTag/Team": "web" } } }`),
    // A session document named elsewhere and granted for StartSession too.
    policy(
      `{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:*::document/AWS-StartPortForwarding*"] }`,
      '{ "Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "arn:aws:ssm:*::document/AWS-StartPortForwardingSession" }',
    ),
    // No StartSession grant at all.
    policy('{ "Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "arn:aws:ssm:*::document/AWS-StartSSHSession" }'),
  ],
  invalid: [
    {
      name: 'the document access check with no document granted',
      code: policy(`{ "Effect": "Allow", "Action": ["ssm:StartSession"], "Resource": [${INSTANCES}], ${CHECK} }`),
      errors: [
        {
          messageId: 'accessCheckWithoutDocument',
          text: '"ssm:SessionDocumentAccessCheck"',
          data: { suggestion: 'arn:aws:ssm:us-east-2:123456789012:document/SSM-SessionManagerRunShell' },
          suggestions: [{ messageId: 'addDocument', output: policy(`{ "Effect": "Allow", "Action": ["ssm:StartSession"], "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2:123456789012:document/SSM-SessionManagerRunShell"], ${CHECK} }`) }],
        },
      ],
      output: null,
    },
    {
      name: 'an AWS-owned session document under the nodes\' tag condition',
      code: policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2::document/AWS-StartPortForwardingSession"], ${TAG} }`),
      errors: [
        {
          messageId: 'untaggedDocument',
          text: '"arn:aws:ssm:us-east-2::document/AWS-StartPortForwardingSession"',
          data: { key: 'ssm:resourceTag/Team', document: 'AWS-StartPortForwardingSession' },
          suggestions: [{ messageId: 'moveDocument', output: policy(
                `{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}], ${TAG} }`,
                '{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ssm:us-east-2::document/AWS-StartPortForwardingSession"}',
              ) }],
        },
      ],
    },
    {
      name: 'a session document granted for other actions only',
      code: policy(
        `{ "Effect": "Allow", "Action": ["ssm:StartSession", "ssm:TerminateSession"], "Resource": [${INSTANCES}] }`,
        '{ "Effect": "Allow", "Action": ["ssm:GetDocument", "ssm:DescribeDocument"], "Resource": "arn:aws:ssm:*::document/AWS-StartSSHSession" }',
      ),
      errors: [
        {
          messageId: 'documentNotGranted',
          data: { document: 'AWS-StartSSHSession', suggestion: 'arn:aws:ssm:us-east-2::document/AWS-StartSSHSession' },
          suggestions: [{ messageId: 'addDocument', output: policy(
                `{ "Effect": "Allow", "Action": ["ssm:StartSession", "ssm:TerminateSession"], "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2::document/AWS-StartSSHSession"] }`,
                '{ "Effect": "Allow", "Action": ["ssm:GetDocument", "ssm:DescribeDocument"], "Resource": "arn:aws:ssm:*::document/AWS-StartSSHSession" }',
              ) }],
        },
      ],
    },
    {
      name: 'the suggestion moves a tagged-out document to a statement of its own',
      code: policy(`{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}, "arn:aws:ssm:us-east-2::document/AWS-StartSSHSession"], ${TAG} }`),
      errors: [{ messageId: 'untaggedDocument', suggestions: [{ messageId: 'moveDocument', data: { arn: 'arn:aws:ssm:us-east-2::document/AWS-StartSSHSession' }, output: policy(
                `{ "Effect": "Allow", "Action": "ssm:StartSession", "Resource": [${INSTANCES}], ${TAG} }`,
                '{"Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ssm:us-east-2::document/AWS-StartSSHSession"}',
              ) }] }],
    },
  ],
});
