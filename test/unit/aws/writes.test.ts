import * as assert from 'node:assert/strict';
import { AwsError } from '../../../src/core/aws/error';
import { failureCertainty, isIdempotentWrite, mayRetryWrite, settleWrite, WRITE_ACTIONS } from '../../../src/core/aws/writes';

const err = (init: Omit<ConstructorParameters<typeof AwsError>[0], 'message'>): AwsError => new AwsError({ message: 'failed', ...init });

describe('core/aws: writes and what a failure means', () => {
  it('creations and deletions are not idempotent; so are document puts; attaches and settings are', () => {
    assert.equal(isIdempotentWrite('iam:CreatePolicyVersion'), false);
    assert.equal(isIdempotentWrite('iam:CreateRole'), false);
    assert.equal(isIdempotentWrite('iam:DeletePolicyVersion'), false);
    assert.equal(isIdempotentWrite('iam:PutRolePolicy'), false);
    assert.equal(isIdempotentWrite('iam:AttachRolePolicy'), true);
    assert.equal(isIdempotentWrite('ssm:UpdateServiceSetting'), true);
    assert.ok(WRITE_ACTIONS.length >= 18);
  });

  it('a non-idempotent write is retried only when AWS did not run it (throttling, no connection)', () => {
    assert.equal(mayRetryWrite('iam:CreatePolicyVersion', err({ kind: 'throttled', reason: 'throttled', httpStatus: 400 })), true);
    assert.equal(mayRetryWrite('iam:CreatePolicyVersion', err({ kind: 'network', reason: 'network', code: 'ECONNREFUSED' })), true);
    assert.equal(mayRetryWrite('iam:CreatePolicyVersion', err({ kind: 'other', reason: 'serviceError', httpStatus: 500 })), false);
    assert.equal(mayRetryWrite('iam:CreateRole', err({ kind: 'network', reason: 'network', code: 'ECONNRESET' })), false);
    assert.equal(mayRetryWrite('iam:PutRolePolicy', err({ kind: 'other', reason: 'serviceError', httpStatus: 503 })), false);
    assert.equal(mayRetryWrite('ssm:UpdateServiceSetting', err({ kind: 'other', reason: 'serviceError', httpStatus: 503 })), true);
    assert.equal(mayRetryWrite('ssm:UpdateServiceSetting', err({ kind: 'accessDenied', reason: 'accessDenied', httpStatus: 403 })), false);
  });

  it('4xx refusals did not happen; 5xx, timeouts and lost connections are ambiguous', () => {
    assert.equal(failureCertainty(err({ kind: 'accessDenied', reason: 'accessDenied', httpStatus: 403 })), 'notApplied');
    assert.equal(failureCertainty(err({ kind: 'other', reason: 'alreadyExists', httpStatus: 409 })), 'notApplied');
    assert.equal(failureCertainty(err({ kind: 'other', reason: 'serviceError', httpStatus: 500 })), 'ambiguous');
    assert.equal(failureCertainty(err({ kind: 'timeout', reason: 'timeout' })), 'ambiguous');
    assert.equal(failureCertainty(err({ kind: 'network', reason: 'network', code: 'ECONNRESET' })), 'ambiguous');
    assert.equal(failureCertainty(err({ kind: 'network', reason: 'network', code: 'ECONNREFUSED' })), 'notApplied');
  });

  it('the read-back settles an ambiguous failure; an unchanged state after a timeout stays unknown', () => {
    const lost = err({ kind: 'network', reason: 'network', code: 'ECONNRESET' });
    const timeout = err({ kind: 'timeout', reason: 'timeout' });
    const denied = err({ kind: 'accessDenied', reason: 'accessDenied', httpStatus: 403 });
    assert.equal(settleWrite(lost, 'changed'), 'applied');
    assert.equal(settleWrite(lost, 'unchanged'), 'notApplied');
    assert.equal(settleWrite(lost, 'unreadable'), 'unknown');
    assert.equal(settleWrite(timeout, 'changed'), 'applied');
    assert.equal(settleWrite(timeout, 'unchanged'), 'unknown');
    // Someone else made the same change: the refused write still did not happen.
    assert.equal(settleWrite(denied, 'changed'), 'notApplied');
  });
});
