import * as assert from 'node:assert/strict';
import { parseTree, type Node } from 'jsonc-parser';
import { appendValues, applyAll } from '../../../src/core/policy/edits';

function append(text: string, values: string[]): string {
  const root = parseTree(text) as Node;
  const node = root.children?.[0]?.children?.[1] as Node;
  return applyAll(text, appendValues(text, node, values));
}

describe('policy/edits appendValues', () => {
  it('copies the separator of a one-line array', () => {
    assert.equal(append('{"A":["a","b"]}', ['c', 'd']), '{"A":["a","b","c","d"]}');
    assert.equal(append('{ "A": [ "a", "b" ] }', ['c']), '{ "A": [ "a", "b", "c" ] }');
  });
  it('continues a multi-line array at the indentation of its last item, CRLF kept', () => {
    assert.equal(append('{\n  "A": [\n    "a"\n  ]\n}', ['b']), '{\n  "A": [\n    "a",\n    "b"\n  ]\n}');
    assert.equal(append('{\r\n  "A": [\r\n    "a"\r\n  ]\r\n}', ['b']), '{\r\n  "A": [\r\n    "a",\r\n    "b"\r\n  ]\r\n}');
  });
  it('fills an empty array, turns a string into an array, ignores other values', () => {
    assert.equal(append('{"A":[]}', ['x', 'y']), '{"A":["x", "y"]}');
    assert.equal(append('{"A":"a"}', ['b']), '{"A":["a", "b"]}');
    assert.equal(append('{"A":1}', ['b']), '{"A":1}');
    assert.equal(append('{"A":["a"]}', []), '{"A":["a"]}');
  });
});
