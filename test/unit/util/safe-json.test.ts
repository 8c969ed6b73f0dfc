import * as assert from 'node:assert/strict';
import type { ParseError } from 'jsonc-parser';
import { parseJsonValue, type JsonObject } from '../../../src/core/util/safe-json';

describe('util/safe-json', () => {
  it('keeps __proto__, constructor, prototype and toString as own keys of null-prototype objects', () => {
    const value = parseJsonValue('{ "__proto__": { "polluted": true }, "constructor": 1, "prototype": 2, "toString": "x" }') as JsonObject;
    assert.equal(Object.getPrototypeOf(value), null);
    assert.deepEqual(Object.keys(value), ['__proto__', 'constructor', 'prototype', 'toString']);
    assert.equal((value as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(value['__proto__']), null);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('parses the other values like JSON.parse: arrays, scalars, the last of repeated keys; comments and errors as jsonc-parser', () => {
    const errors: ParseError[] = [];
    const value = parseJsonValue('// c\n{ "a": [1, "two", true, null, { "b": -1.5e2 }], "a2": 1, "a2": 2, }', errors, { allowTrailingComma: true });
    assert.deepEqual(errors, []);
    assert.equal(JSON.stringify(value), '{"a":[1,"two",true,null,{"b":-150}],"a2":2}');
    assert.equal(parseJsonValue(''), undefined);
    const bad: ParseError[] = [];
    parseJsonValue('{ "a": }', bad);
    assert.ok(bad.length > 0);
  });
});
