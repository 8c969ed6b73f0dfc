import * as assert from 'node:assert/strict';
import { diffEdit } from '../../../src/core/util/text-diff';

function apply(text: string, edit: { offset: number; length: number; content: string }): string {
  return text.slice(0, edit.offset) + edit.content + text.slice(edit.offset + edit.length);
}

describe('util/text-diff', () => {
  it('returns undefined for equal texts', () => {
    assert.equal(diffEdit('abc', 'abc'), undefined);
    assert.equal(diffEdit('', ''), undefined);
  });

  it('replaces only the changed middle', () => {
    assert.deepEqual(diffEdit('{"Effect": "allow"}', '{"Effect": "Allow"}'), { offset: 12, length: 1, content: 'A' });
    assert.deepEqual(diffEdit('a,]', 'a]'), { offset: 1, length: 1, content: '' });
    assert.deepEqual(diffEdit('ab', 'aXb'), { offset: 1, length: 0, content: 'X' });
    assert.deepEqual(diffEdit('', 'x'), { offset: 0, length: 0, content: 'x' });
  });

  it('handles repeated characters and keeps surrogate pairs whole', () => {
    for (const [a, b] of [
      ['aaaa', 'aa'],
      ['aa', 'aaaa'],
      ['x😀y', 'x😃y'],
      ['😀', '😃'],
      ['ab😀', 'ab'],
    ]) {
      const edit = diffEdit(a!, b!)!;
      assert.equal(apply(a!, edit), b);
      assert.ok(!/^[\udc00-\udfff]/.test(edit.content), `no lone low surrogate in ${JSON.stringify(edit)}`);
    }
    assert.deepEqual(diffEdit('x😀y', 'x😃y'), { offset: 1, length: 2, content: '😃' });
  });
});
