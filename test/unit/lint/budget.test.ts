import * as assert from 'node:assert/strict';
import { LINT_BUDGET_RULE_ID, lintText, tooLargeNotice } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'bad sid', Effect: 'Allow', Action: ['ssm:SendComand', 'ssm:*', 'ssm:GetDocument'], Resource: 'arn:aws:ssm:us-east-1:123456789012:document/*' },
    { Effect: 'allow', Action: 'sts:AssumeRole', Principal: { Service: 'ssm.amazonaws' }, Resource: '*' },
  ],
});

/** A clock that moves `step` milliseconds each time it is read. */
function fakeClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('lint/budget', () => {
  it('runs every rule without a budget, and gives no notice', async () => {
    const { findings } = await lintText(POLICY);
    assert.ok(findings.length > 3);
    assert.ok(findings.every((f) => f.ruleId !== LINT_BUDGET_RULE_ID));
  });

  it('stops between rules when the budget is up, keeps what it found, and says so at offset 0', async () => {
    const all = await lintText(POLICY);
    // Each read of the clock moves it 10 ms: after three rules 30 ms have passed, more than the 25 ms budget.
    const { findings } = await lintText(POLICY, { budgetMs: 25, now: fakeClock(10) });
    const notices = findings.filter((f) => f.ruleId === LINT_BUDGET_RULE_ID);
    assert.equal(notices.length, 1);
    const [notice] = notices;
    assert.equal(notice?.offset, 0);
    assert.equal(notice?.length, 0);
    assert.equal(notice?.severity, 'info');
    assert.equal(notice?.messageId, 'budgetExceeded');
    assert.match(notice?.message ?? '', /^Linting stopped after \d+ ms: the document is too large or complex to lint as you type \(3 of \d+ checks ran\); run ssm-policy-lint on it\.$/);
    const rest = findings.filter((f) => f.ruleId !== LINT_BUDGET_RULE_ID);
    const ran = new Set(rest.map((f) => f.ruleId));
    assert.ok(ran.size <= 3, `findings of ${[...ran].join(', ')}`);
    const key = (f: { ruleId: string; offset: number; message: string }): string => `${f.ruleId}@${f.offset}:${f.message}`;
    const full = new Set(all.findings.map(key));
    for (const f of rest) assert.ok(full.has(key(f)), `${key(f)} is a finding of the whole lint`);
    assert.ok(rest.length < all.findings.length, 'later rules did not run');
  });

  it('runs every rule when the budget is never up', async () => {
    const all = await lintText(POLICY);
    const { findings } = await lintText(POLICY, { budgetMs: 1_000_000, now: fakeClock(1) });
    assert.deepEqual(
      findings.map((f) => f.message),
      all.findings.map((f) => f.message),
    );
  });

  it('stops a large policy under a tiny real budget', async function () {
    this.timeout(60_000);
    const statement = '{"Effect":"Allow","Action":["ssm:SendCommand","ssm:Get*"],"Resource":"arn:aws:ssm:*:*:document/*"}';
    const doc = `{"Version":"2012-10-17","Statement":[${Array.from({ length: 5_000 }, () => statement).join(',')}]}`;
    const { findings } = await lintText(doc, { budgetMs: 0 });
    const notice = findings.find((f) => f.ruleId === LINT_BUDGET_RULE_ID);
    assert.ok(notice, 'a notice');
    assert.match(notice.message, /\(1 of \d+ checks ran\)/);
  });

  it('is no rule: no registered rule and no configuration has its id', () => {
    assert.ok(allRules.every((r) => r.id !== LINT_BUDGET_RULE_ID));
  });

  it('words the notice for a document too long to lint as you type', () => {
    const notice = tooLargeNotice(2_000_000, 1_048_576);
    assert.equal(notice.ruleId, LINT_BUDGET_RULE_ID);
    assert.equal(notice.offset, 0);
    assert.equal(notice.message, 'Not linted as you type: the document has 2,000,000 characters, more than 1,048,576; run ssm-policy-lint on it.');
  });
});
