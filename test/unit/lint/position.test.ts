import * as assert from 'node:assert/strict';
import { LineMap } from '../../../src/core/lint/position';

describe('lint/position', () => {
  it('maps offsets to 0-based lines and UTF-16 characters for \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rg😀h';
    const m = new LineMap(text);
    assert.deepEqual(m.position(0), { line: 0, character: 0 });
    assert.deepEqual(m.position(text.indexOf('d')), { line: 1, character: 1 });
    assert.deepEqual(m.position(text.indexOf('f')), { line: 2, character: 1 });
    assert.deepEqual(m.position(text.indexOf('h')), { line: 3, character: 3 }, 'the emoji is two UTF-16 units');
    assert.deepEqual(m.range(3, 2), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });
});
