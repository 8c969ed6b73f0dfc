import * as assert from 'node:assert/strict';
import { AwsError, errorHint, errorLabel, isAwsError, toAwsError } from '../../../src/core/aws/error';
import { formatMessage } from '../../../src/core/language/localize';
import { formatTimestamp, readSettingState, sharedError, toDate } from '../../../src/core/service-settings/setting-state';

describe('service-settings/setting-state and the error words', () => {
  it('recognises AWS errors by shape (either copy of the class) and makes anything else an other error', () => {
    assert.equal(isAwsError(new AwsError({ kind: 'throttled', message: 'x' })), true);
    // The class of dist/aws.js is another class than the extension bundle's: name and shape decide.
    assert.equal(isAwsError({ name: 'AwsError', kind: 'throttled', message: 'x' }), true);
    assert.equal(isAwsError({ name: 'AwsError', kind: 'Throttling', message: 'x' }), false);
    assert.equal(isAwsError({ name: 'AwsError', kind: 'throttled' }), false);
    assert.equal(isAwsError({ kind: 'throttled', message: 'x' }), false);
    assert.equal(isAwsError(null), false);
    assert.deepEqual(toAwsError(new TypeError('bad')), new AwsError({ kind: 'other', message: 'bad' }));
    assert.deepEqual(toAwsError('text'), new AwsError({ kind: 'other', message: 'text' }));
    const e = new AwsError({ kind: 'expiredSso', message: 'run aws sso login --profile dev' });
    assert.equal(toAwsError(e), e);
    assert.equal(errorLabel({ kind: 'accessDenied', message: '' }, formatMessage), 'Access denied');
    assert.equal(errorHint({ kind: 'other', message: '' }, formatMessage), undefined);
  });

  it('says whether a failed call may be retried and whether a write may have happened', () => {
    const of = (e: AwsError) => [e.reason, e.retryable, e.outcomeUnknown];
    assert.deepEqual(of(new AwsError({ kind: 'accessDenied', message: '' })), ['accessDenied', false, false]);
    assert.deepEqual(of(new AwsError({ kind: 'throttled', message: '' })), ['throttled', true, false]);
    assert.deepEqual(of(new AwsError({ kind: 'other', reason: 'serviceError', message: '' })), ['serviceError', true, true]);
    assert.deepEqual(of(new AwsError({ kind: 'network', reason: 'timeout', message: '' })), ['timeout', true, true]);
    assert.deepEqual(of(new AwsError({ kind: 'network', code: 'ECONNRESET', message: '' })), ['network', true, true]);
    assert.deepEqual(of(new AwsError({ kind: 'network', code: 'ECONNREFUSED', message: '' })), ['network', true, false]);
    assert.deepEqual(of(new AwsError({ kind: 'timeout', message: '' })), ['timeout', true, true]);
    assert.deepEqual(of(new AwsError({ kind: 'cancelled', message: '' })), ['aborted', false, true]);
  });

  it('normalises a setting', () => {
    assert.deepEqual(readSettingState({}), { value: '', status: 'Default', pending: false, lastModified: {} });
    assert.deepEqual(readSettingState({ value: ' Advanced ', status: 'PendingUpdate', lastModifiedUser: ' ' }), {
      value: 'Advanced',
      status: 'PendingUpdate',
      pending: true,
      lastModified: {},
    });
    assert.equal(toDate(undefined), undefined);
    assert.equal(toDate(new Date('x')), undefined);
    assert.equal(formatTimestamp(toDate(0)!), '1970-01-01 00:00 UTC');
  });

  it('finds the error every setting of a Region failed with, so the view shows one row', () => {
    const denied = (): AwsError => new AwsError({ kind: 'accessDenied', message: 'no', action: 'ssm:GetServiceSetting', code: 'AccessDeniedException' });
    const all = [{ error: denied() }, { error: denied() }, { error: denied() }];
    assert.equal(sharedError(all)?.kind, 'accessDenied');
    assert.equal(sharedError([...all, { setting: { id: 'x', value: 'v', status: 'Default' } }]), undefined, 'one read worked');
    assert.equal(sharedError([...all, { error: new AwsError({ kind: 'other', message: 'not set', code: 'ServiceSettingNotFound' }) }]), undefined, 'not set is no failure');
    assert.equal(sharedError([...all, { error: new AwsError({ kind: 'throttled', message: 'slow' }) }]), undefined, 'different errors');
    assert.equal(sharedError([{ error: denied() }]), undefined, 'a single setting is its own row');
  });
});
