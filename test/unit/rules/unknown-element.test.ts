import { unknownElement } from '../../../src/core/rules/unknown-element';
import { testRule } from '../rule-tester';

testRule(unknownElement, {
  valid: [
    '{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"A","Effect":"Allow","Action":"ssm:GetParameter","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:s3:::b/*"}}',
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
    },
    '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:*","Resource":"*"}]}',
    // Keys below the element level (condition keys, principal types) are not statement elements.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"effect":"x"}}}]}',
    // Non-object statement items and documents are other rules' findings.
    '{"Version":"2012-10-17","Statement":["Effect"]}',
    '[{"effect":"Allow"}]',
  ],
  invalid: [
    {
      name: 'wrong case in a statement',
      code: '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
      errors: [{ messageId: 'wrongCase', text: '"effect"', path: ['Statement', 0, 'effect'], data: { suggestion: 'Effect' } }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    },
    {
      name: 'wrong case at the top level',
      code: '{"version":"2012-10-17","STATEMENT":[]}',
      errors: [
        { messageId: 'wrongCase', text: '"version"', data: { suggestion: 'Version' } },
        { messageId: 'wrongCase', text: '"STATEMENT"', data: { suggestion: 'Statement' } },
      ],
      output: '{"Version":"2012-10-17","Statement":[]}',
    },
    {
      name: 'typo with a suggestion',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Actions": ["ssm:StartSession"],\n      "Resources": "*"\n    }\n  ]\n}',
      errors: [
        { messageId: 'unknownInStatement', text: '"Actions"', data: { suggestion: 'Action' }, suggestions: [{ messageId: 'rename', output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ssm:StartSession"],
      "Resources": "*"
    }
  ]
}` }] },
        { messageId: 'unknownInStatement', text: '"Resources"', data: { suggestion: 'Resource' }, suggestions: [{ messageId: 'rename', output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Actions": ["ssm:StartSession"],
      "Resource": "*"
    }
  ]
}` }] },
      ],
      output: null,
    },
    {
      name: 'Principle is a typo of Principal',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principle":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      errors: [{ messageId: 'unknownInStatement', text: '"Principle"', data: { suggestion: 'Principal' }, suggestions: [{ messageId: 'rename', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}' }] }],
      output: null,
    },
    {
      name: 'unknown key without a suggestion',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Comment":"read only"}]}',
      errors: [{ messageId: 'unknownInStatement', text: '"Comment"' }],
      output: null,
    },
    {
      name: 'unknown top-level key',
      code: '{"Version":"2012-10-17","Description":"x","Statement":[]}',
      errors: [{ messageId: 'unknownTopLevel', text: '"Description"', path: ['Description'] }],
      output: null,
    },
    {
      name: 'no rename onto a key that is already there',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'wrongCase', text: '"effect"' }],
      output: null,
    },
    {
      name: 'no fix when two keys would be renamed to the same element',
      code: '{"Version":"2012-10-17","Statement":[{"effect":"Allow","Efect":"Deny","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [
        { messageId: 'wrongCase', text: '"effect"', data: { suggestion: 'Effect' } },
        { messageId: 'unknownInStatement', text: '"Efect"', data: { suggestion: 'Effect' } },
      ],
      output: null,
    },
    {
      name: 'statement element at the top level',
      code: '{"Version":"2012-10-17","Effect":"Allow","Statement":[]}',
      errors: [{ messageId: 'statementElementAtTopLevel', text: '"Effect"' }],
      output: null,
    },
    {
      name: 'top-level element inside a statement',
      code: '{"Statement":[{"Version":"2012-10-17","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      errors: [{ messageId: 'topLevelElementInStatement', text: '"Version"' }],
      output: null,
    },
    {
      name: 'single statement object',
      code: '{"Version":"2012-10-17","Statement":{"Efect":"Allow","Action":"s3:GetObject","Resource":"*"}}',
      kind: 'scp',
      errors: [{ messageId: 'unknownInStatement', text: '"Efect"', path: ['Statement', 'Efect'], suggestions: [{ messageId: 'rename', output: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}' }] }],
      output: null,
    },
  ],
});
