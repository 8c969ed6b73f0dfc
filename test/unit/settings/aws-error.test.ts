import * as assert from 'node:assert/strict';
import { errorHint, errorLabel, isClassifiedError, toClassifiedError } from '../../../src/core/settings/aws-error';
import { formatTimestamp, readSettingState, toDate } from '../../../src/core/settings/setting-state';
import { formatMessage } from '../../../src/core/language/localize';

describe('settings/aws-error and setting-state', () => {
  it('recognises classified errors and classifies anything else as other', () => {
    assert.equal(isClassifiedError({ kind: 'throttled', message: 'x' }), true);
    assert.equal(isClassifiedError({ kind: 'Throttling', message: 'x' }), false);
    assert.equal(isClassifiedError({ kind: 'throttled' }), false);
    assert.equal(isClassifiedError(null), false);
    assert.deepEqual(toClassifiedError(new TypeError('bad')), { kind: 'other', message: 'bad' });
    assert.deepEqual(toClassifiedError('text'), { kind: 'other', message: 'text' });
    const e = { kind: 'expiredSso' as const, message: 'run aws sso login --profile dev' };
    assert.equal(toClassifiedError(e), e);
    assert.equal(errorLabel({ kind: 'accessDenied', message: '' }, formatMessage), 'Access denied');
    assert.equal(errorHint({ kind: 'other', message: '' }, formatMessage), undefined);
  });

  it('normalises a raw setting', () => {
    assert.deepEqual(readSettingState({}), { value: '', status: 'Default', pending: false, lastModified: {} });
    assert.deepEqual(readSettingState({ SettingValue: ' Advanced ', Status: 'PendingUpdate', LastModifiedUser: ' ' }), {
      value: 'Advanced',
      status: 'PendingUpdate',
      pending: true,
      lastModified: {},
    });
    assert.equal(toDate(undefined), undefined);
    assert.equal(toDate(new Date('x')), undefined);
    assert.equal(formatTimestamp(toDate(0)!), '1970-01-01 00:00 UTC');
  });
});
