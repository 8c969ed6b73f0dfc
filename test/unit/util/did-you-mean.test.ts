import * as assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../../src/core/util/did-you-mean';
import { wildcardToRegExp } from '../../../src/core/util/wildcard';

describe('util', () => {
  it('edit distance is case-insensitive and bounded', () => {
    assert.equal(editDistance('Allow', 'allow'), 0);
    assert.equal(editDistance('Alow', 'Allow'), 1);
    assert.ok(editDistance('abcdefgh', 'zzzzzzzz', 2) > 2);
  });
  it('suggests the closest candidate only when it is close', () => {
    assert.equal(didYouMean('StringEqual', ['StringEquals', 'StringLike']), 'StringEquals');
    assert.equal(didYouMean('stringlike', ['StringEquals', 'StringLike']), 'StringLike');
    assert.equal(didYouMean('Banana', ['StringEquals', 'StringLike']), undefined);
  });
  it('turns IAM wildcards into anchored, case-insensitive patterns', () => {
    assert.ok(wildcardToRegExp('ssm:Get*').test('SSM:GetDocument'));
    assert.ok(wildcardToRegExp('ssm:Get?ocument').test('ssm:GetDocument'));
    assert.ok(!wildcardToRegExp('ssm:Get*').test('xssm:GetDocument'));
    assert.ok(wildcardToRegExp('a.b(c)').test('a.b(c)'));
  });
});
