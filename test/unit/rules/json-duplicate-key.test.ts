import * as assert from 'node:assert/strict';
import type { Node } from 'jsonc-parser';
import { iam } from '../../../src/core/iam';
import { parsePolicy } from '../../../src/core/policy/parse';
import { jsonDuplicateKey } from '../../../src/core/rules/json-duplicate-key';
import { testRule } from '../rule-tester';

testRule(jsonDuplicateKey, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    // The same key in sibling objects (two statements, two operator blocks) is fine.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"},{"Effect":"Deny","Action":"ssm:*","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"},"StringLike":{"aws:ResourceTag/env":"dev-*"}}}]}',
    // Repeated values (not keys) are another rule's business.
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameter","ssm:GetParameter"],"Resource":"*"}]}',
    // Nesting far beyond what the parser builds: no tree, no finding, no crash.
    `${'{"a":'.repeat(100000)}1${'}'.repeat(100000)}`,
    `${'['.repeat(100000)}${']'.repeat(100000)}`,
    '',
  ],
  invalid: [
    {
      name: 'Action twice in a statement',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "ssm:StartSession",\n      "Action": "ssm:TerminateSession",\n      "Resource": "*"\n    }\n  ]\n}',
      errors: [{ messageId: 'duplicate', text: '"Action"', path: ['Statement', 0, 'Action'], data: { key: 'Action', line: '6', where: ' (statement ', whereName: '1', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'Statement twice at the top level',
      code: '{"Version":"2012-10-17","Statement":[],"Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
      errors: [{ messageId: 'duplicate', text: '"Statement"', data: { key: 'Statement', line: '1', where: ' (the top level of the policy)' } }],
      output: null,
    },
    {
      name: 'a condition operator written twice: one block would silently replace the other',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"},"StringEquals":{"ssm:resourceTag/team":"ops"}}}]}',
      errors: [{ messageId: 'duplicate', path: ['Statement', 0, 'Condition', 'StringEquals'], data: { key: 'StringEquals', where: ' (', whereName: '"Condition"', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'a condition key twice in one operator block',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev","aws:ResourceTag/env":"prod"}}}]}',
      errors: [{ messageId: 'duplicate', text: '"aws:ResourceTag/env"', data: { key: 'aws:ResourceTag/env', where: ' (', whereName: '"StringEquals"', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'a principal type twice',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com","Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'duplicate', data: { key: 'Service', where: ' (', whereName: '"Principal"', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'Statement given as a single object',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Deny","Action":"ssm:*","Resource":"*"}}',
      errors: [{ messageId: 'duplicate', data: { key: 'Effect', where: ' (statement ', whereName: '1', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'element names that differ only in case',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","action":"ssm:PutParameter","Resource":"*"}]}',
      errors: [{ messageId: 'caseDuplicate', text: '"action"', data: { key: 'action', first: 'Action', where: ' (statement ', whereName: '1', whereEnd: ')' } }],
      output: null,
    },
    {
      name: 'operators that differ only in case',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/env":"dev"},"stringEquals":{"aws:ResourceTag/team":"ops"}}}]}',
      errors: [{ messageId: 'caseDuplicate', text: '"stringEquals"', data: { key: 'stringEquals', first: 'StringEquals' } }],
      output: null,
    },
    {
      name: 'condition keys that differ only in case (Access Analyzer: duplicate keys with different case)',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Team":"ops","aws:principaltag/team":"dev"}}}]}',
      errors: [{ messageId: 'caseDuplicate', text: '"aws:principaltag/team"', data: { first: 'aws:PrincipalTag/Team' } }],
      output: null,
    },
    {
      name: 'three spellings: one case duplicate, then one exact duplicate',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*","resource":"*","Resource":"arn:aws:ssm:*:*:document/*","Action":"ssm:*"}]}',
      errors: [
        { messageId: 'caseDuplicate', text: '"resource"' },
        { messageId: 'duplicate', path: ['Statement', 0, 'Resource'], data: { key: 'Resource' } },
      ],
      output: null,
    },
    {
      name: 'duplicate at the bottom of deep (but parseable) nesting',
      code: `{"Version":"2012-10-17","Statement":[],"x":${'{"a":'.repeat(800)}{"k":1,"k":2}${'}'.repeat(800)}}`,
      errors: [{ messageId: 'duplicate', data: { key: 'k', where: ' (', whereName: '"a"', whereEnd: ')' } }],
      output: null,
    },
  ],
});

describe('rule json-duplicate-key on a tree deeper than the call stack', () => {
  it('walks 100,000 nested objects iteratively and still finds the duplicate', () => {
    // Built by hand: jsonc-parser itself cannot parse this depth, but the walker must not depend on that.
    // Node's properties are read-only, so each node gets its own children array, filled after it exists.
    const depth = 100_000;
    const rootChildren: Node[] = [];
    const root: Node = { type: 'object', offset: 0, length: 0, children: rootChildren };
    let current = root;
    let children = rootChildren;
    for (let i = 0; i < depth; i++) {
      const propChildren: Node[] = [];
      const prop: Node = { type: 'property', offset: 0, length: 0, parent: current, children: propChildren };
      const valueChildren: Node[] = [];
      const value: Node = { type: 'object', offset: 0, length: 0, parent: prop, children: valueChildren };
      propChildren.push({ type: 'string', value: 'a', offset: 0, length: 0, parent: prop }, value);
      children.push(prop);
      current = value;
      children = valueChildren;
    }
    for (const name of ['k', 'k']) {
      const propChildren: Node[] = [];
      const prop: Node = { type: 'property', offset: 0, length: 0, parent: current, children: propChildren };
      propChildren.push({ type: 'string', value: name, offset: 0, length: 0, parent: prop });
      children.push(prop);
    }
    const policy = { ...parsePolicy(''), root };
    const findings = jsonDuplicateKey.check(policy, { iam, kind: 'identity' });
    assert.deepEqual(
      findings.map((f) => [f.messageId, f.data?.key, f.data?.where, f.data?.whereName, f.data?.whereEnd]),
      [['duplicate', 'k', ' (', '"a"', ')']],
    );
  });
});
