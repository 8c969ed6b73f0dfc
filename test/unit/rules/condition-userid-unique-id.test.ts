import { conditionUseridUniqueId } from '../../../src/core/rules/condition-userid-unique-id';
import { testRule } from '../rule-tester';

const ROLE = 'AROAEXAMPLEID12345678';
const policy = (condition: string, effect = 'Deny'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "${effect}", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::session-logs/*", "Condition": ${condition} }\n  ]\n}`;

testRule(conditionUseridUniqueId, {
  valid: [
    policy(`{ "StringNotLike": { "aws:userId": ["${ROLE}:*", "AIDAEXAMPLEUSERID1234", "111122223333"] } }`),
    policy(`{ "StringLike": { "aws:userid": "${ROLE}*" } }`, 'Allow'),
    // The bare ID beside its pattern is redundant, not wrong.
    policy(`{ "StringNotLike": { "aws:userId": ["${ROLE}", "${ROLE}:*"] } }`),
    // Users' IDs (AIDA…) are the whole value; other keys are not judged.
    policy('{ "StringEquals": { "aws:userid": "AIDAEXAMPLEUSERID1234" } }', 'Allow'),
    policy(`{ "StringEquals": { "aws:PrincipalArn": "${ROLE}" } }`, 'Allow'),
  ],
  invalid: [
    {
      name: 'a bucket policy that excepts a role by its bare ID',
      code: policy(`{ "StringNotLike": { "aws:userId": ["${ROLE}", "111122223333"] } }`),
      errors: [
        {
          messageId: 'bareRoleId',
          text: `"${ROLE}"`,
          data: { outcome: 'the condition holds for every session of the role, which it was meant to exclude' },
          suggestions: [{ messageId: 'usePattern', output: policy(`{ "StringNotLike": { "aws:userId": ["${ROLE}:*", "111122223333"] } }`) }],
        },
      ],
      output: null,
    },
    {
      name: 'StringEquals in an Allow',
      code: policy(`{ "StringEquals": { "aws:userid": "${ROLE}" } }`, 'Allow'),
      errors: [
        {
          messageId: 'bareRoleId',
          data: { operator: 'StringEquals', outcome: 'the statement never applies to the role' },
          suggestions: [{ messageId: 'usePattern', output: policy(`{ "StringLike": { "aws:userid": "${ROLE}:*" } }`, 'Allow') }],
        },
      ],
    },
    {
      name: 'with a set operator',
      code: policy(`{ "ForAnyValue:StringEquals": { "aws:userid": ["${ROLE}"] } }`, 'Allow'),
      errors: [{ messageId: 'bareRoleId', suggestions: [{ messageId: 'usePattern', output: policy(`{ "ForAnyValue:StringLike": { "aws:userid": ["${ROLE}:*"] } }`, 'Allow') }] }],
    },
    {
      name: 'the suggestion appends ":*" and switches StringEquals to StringLike',
      code: policy(`{ "StringEquals": { "aws:userid": ["${ROLE}", "AIDAEXAMPLEUSERID1234"] } }`, 'Allow'),
      errors: [
        {
          messageId: 'bareRoleId',
          suggestions: [
            {
              messageId: 'usePattern',
              data: { value: ROLE, like: 'StringLike' },
              output: policy(`{ "StringLike": { "aws:userid": ["${ROLE}:*", "AIDAEXAMPLEUSERID1234"] } }`, 'Allow'),
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when renaming would collide with a StringLike block',
      code: policy(`{ "StringEquals": { "aws:userid": "${ROLE}" }, "StringLike": { "s3:prefix": "x/*" } }`, 'Allow'),
      errors: [{ messageId: 'bareRoleId', suggestions: [] }],
    },
  ],
});
