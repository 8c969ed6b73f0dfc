import { statementMissing } from '../../../src/core/rules/statement-missing';
import { testRule } from '../rule-tester';

testRule(statementMissing, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}}',
    // Wrong types and empty statement objects are other rules' findings.
    '{"Version":"2012-10-17","Statement":"oops"}',
    '{"Version":"2012-10-17","Statement":[{}]}',
    '{"Version":"2012-10-17","Statement":null}',
    // Misspelled keys are reported (and renamed) by unknown-element.
    '{"Version":"2012-10-17","statement":[]}',
    '{"Version":"2012-10-17","Statements":[]}',
    // Not an object: json-syntax reports it.
    '[]',
    '',
    { code: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}', kind: 'trust' },
  ],
  invalid: [
    {
      code: '{\n  "Version": "2012-10-17"\n}',
      errors: [{ messageId: 'missing', text: '{' }],
      output: null,
    },
    {
      code: '{}',
      kind: 'scp',
      errors: [{ messageId: 'missing', text: '{' }],
    },
    {
      code: '{"Version":"2012-10-17","Statement":[]}',
      errors: [{ messageId: 'empty', text: '[]', path: ['Statement'] }],
      output: null,
    },
    {
      code: '{"Version":"2012-10-17","Statement":[ ]}',
      kind: 'trust',
      errors: [{ messageId: 'empty', text: '[ ]' }],
    },
    {
      name: 'statement elements written at the top level',
      code: '{"Version":"2012-10-17","Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}',
      errors: [{ messageId: 'missingWithTopLevelStatementElements', text: '{', data: { element: 'Effect' } }],
    },
  ],
});
