import * as assert from 'node:assert/strict';
import { actionRedundant, covers } from '../../../src/core/rules/action-redundant';
import { testRule } from '../rule-tester';

const inline = (action: string, element = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${element}": ${action}, "Resource": "*" }\n  ]\n}`;

const multiline = (actions: string[]): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [\n${actions
    .map((a) => `        "${a}"`)
    .join(',\n')}\n      ],\n      "Resource": "*"\n    }\n  ]\n}`;

testRule(actionRedundant, {
  valid: [
    inline('["ssm:GetDocument", "ssm:SendCommand", "ssmmessages:*", "ec2messages:*"]'),
    // Overlapping but neither covers the other.
    inline('["ssm:Get*", "ssm:*Document"]'),
    // '?' matches one character, not a run.
    inline('["ssm:Get?", "ssm:GetDocument"]'),
    // Different statements are not compared.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"},{"Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"}]}',
    // Action and NotAction of one statement are separate lists.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","NotAction":"ssm:GetDocument","Resource":"*"}]}',
    inline('"ssm:*"'),
  ],
  invalid: [
    {
      name: 'a service wildcard covers an action',
      code: multiline(['ssm:*', 'ssm:GetDocument']),
      errors: [{ messageId: 'covered', text: '"ssm:GetDocument"', data: { action: 'ssm:GetDocument', by: 'ssm:*' } }],
      output: multiline(['ssm:*']),
    },
    {
      name: '"*" covers everything, whatever comes first',
      code: multiline(['ssm:SendCommand', '*']),
      errors: [{ messageId: 'covered', text: '"ssm:SendCommand"', data: { by: '*' } }],
      output: multiline(['*']),
    },
    {
      name: 'a prefix wildcard covers a matching action, case-insensitively',
      code: multiline(['ssm:Get*', 'ssm:getParameter', 'ssm:PutParameter']),
      errors: [{ messageId: 'covered', text: '"ssm:getParameter"', data: { by: 'ssm:Get*' } }],
      output: multiline(['ssm:Get*', 'ssm:PutParameter']),
    },
    {
      name: 'a narrower wildcard is covered by a wider one',
      code: multiline(['ssm:Describe*', 'ssm:DescribeInstance*']),
      errors: [{ messageId: 'covered', text: '"ssm:DescribeInstance*"', data: { by: 'ssm:Describe*' } }],
      output: multiline(['ssm:Describe*']),
    },
    {
      name: 'exact duplicates, case-insensitive: the repeat is reported',
      code: multiline(['ssmmessages:OpenDataChannel', 'ssm:StartSession', 'SSMMessages:opendatachannel']),
      errors: [{ messageId: 'duplicate', text: '"SSMMessages:opendatachannel"', data: { by: 'ssmmessages:OpenDataChannel' } }],
      output: multiline(['ssmmessages:OpenDataChannel', 'ssm:StartSession']),
    },
    {
      name: 'two patterns that match the same actions: the later one goes',
      code: multiline(['ssm:Get**', 'ssm:Get*']),
      errors: [{ messageId: 'covered', text: '"ssm:Get*"', data: { by: 'ssm:Get**' } }],
      output: multiline(['ssm:Get**']),
    },
    {
      name: 'beyond ASCII, case folding may differ from IAM\'s: reported, not removed (the Kelvin sign lower-cases to "k")',
      code: inline('["ssm:GetK*", "ssm:Get\u212a"]'),
      errors: [{ messageId: 'covered', data: { by: 'ssm:GetK*' } }],
      output: null,
    },
    {
      name: 'in NotAction',
      code: inline('["ssm:*", "ssm:SendCommand"]', 'NotAction'),
      errors: [{ messageId: 'covered', path: ['Statement', 0, 'NotAction', 1], data: { element: 'NotAction' } }],
      output: `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "NotAction": ["ssm:*"], "Resource": "*" }
  ]
}`,
    },
    {
      name: 'a wildcard in the service part covers other services',
      code: multiline(['ssm*:*', 'ssmmessages:OpenDataChannel']),
      errors: [{ messageId: 'covered', text: '"ssmmessages:OpenDataChannel"', data: { by: 'ssm*:*' } }],
      output: multiline(['ssm*:*']),
    },
  ],
});

describe('action-redundant covers()', () => {
  it('compares IAM wildcard patterns', () => {
    assert.ok(covers('ssm:*', 'ssm:Get*'));
    assert.ok(covers('ssm:Get*', 'ssm:GetDoc?ment'));
    assert.ok(!covers('ssm:Get?', 'ssm:Get*'), 'a "?" cannot stand for a run');
    assert.ok(!covers('ssm:Get*', 'ssm:*'));
    assert.ok(covers('*', 'anything:at*all'));
    assert.ok(!covers('ssm:GetDocument', 'ssm:GetDocument*'));
    assert.ok(covers('ssm:GetDocument', 'SSM:getdocument'));
    assert.ok(!covers('ssm:GetDocument', 'ssm:GetDocumen?'));
    assert.ok(!covers('ssm:Get*', 'ssm:G?t*'), 'a "?" in the inner prefix is not the letter the outer names');
    assert.ok(covers('ssm:Get*', 'SSM:GET'));
    assert.ok(covers('ssm:*Document', 'ssm:GetDocument') && !covers('ssm:*Document', 'ssm:GetDocuments'));
  });
});
