import * as assert from 'node:assert/strict';
import { cursorContext, variableAt } from '../../../src/core/language/cursor';
import { atCursor } from './marker';

function at(marked: string) {
  const { text, offset } = atCursor(marked);
  return cursorContext(text, offset);
}

describe('language/cursor', () => {
  it('finds the string value, its content and the text before the cursor', () => {
    const ctx = at('{"Statement":[{"Effect":"Allow","Action":"ssm:Se|nd"}]}');
    assert.deepEqual(ctx.element, ['Action']);
    assert.equal(ctx.token?.content, 'ssm:Send');
    assert.equal(ctx.token?.before, 'ssm:Se');
    assert.equal(ctx.token?.value, 'ssm:Send');
    assert.equal(ctx.token?.isKey, false);
    assert.equal(ctx.token?.inside, true);
    assert.equal(ctx.statement?.index, 0);
  });
  it('gives array items their index and single statements no index', () => {
    assert.deepEqual(at('{"Statement":[{"Action":["a:B","ssm:|"]}]}').element, ['Action', 1]);
    assert.deepEqual(at('{"Statement":{"Action":"ssm:|"}}').element, ['Action']);
    assert.equal(at('{"Statement":{"Action":"ssm:|"}}').statement?.index, 0);
  });
  it('finds the second statement of an array', () => {
    const ctx = at('{"Statement":[{"Action":"a:B"},{"Effect":"Deny","Action":"ssm:|"}]}');
    assert.equal(ctx.statement?.index, 1);
    assert.equal(ctx.statement?.effect?.value, 'Deny');
  });
  it('reads property keys under Condition, quoted or not yet', () => {
    const quoted = at('{"Statement":[{"Condition":{"StringEquals":{"ssm:|"}}}]}');
    assert.deepEqual(quoted.element, ['Condition', 'StringEquals', 'ssm:']);
    assert.equal(quoted.token?.isKey, true);
    assert.equal(quoted.isAtPropertyKey, true);
    const bare = at('{"Statement":[{"Condition":{|}}]}');
    assert.deepEqual(bare.element, ['Condition', '']);
    assert.equal(bare.token, undefined);
    assert.equal(bare.isAtPropertyKey, true);
  });
  it('handles an unterminated string at the end of the text', () => {
    const ctx = at('{"Statement":[{"Action":"ssm:Get|');
    assert.equal(ctx.token?.content, 'ssm:Get');
    assert.equal(ctx.token?.inside, true);
  });
  it('is outside the string on its quotes and after it', () => {
    assert.equal(at('{"Statement":[{"Action":|"ssm:X"}]}').token?.inside, false);
    assert.equal(at('{"Statement":[{"Action":"ssm:X"|}]}').token, undefined);
    assert.equal(at('{"Statement":[{"Action":"ssm:X" |}]}').token, undefined);
  });
  it('has no element outside a statement, and no statement for nested policies', () => {
    assert.equal(at('{"Version":"2012|-10-17"}').element, undefined);
    const nested = at('{"PolicyDocument":{"Statement":[{"Action":"ssm:|"}]}}');
    assert.deepEqual(nested.element, ['Action']);
    assert.equal(nested.statement, undefined);
  });
  it('keeps escapes raw in the content and decoded in the value', () => {
    const ctx = at('{"Statement":[{"Resource":"a\\"b|"}]}');
    assert.equal(ctx.token?.content, 'a\\"b');
    assert.equal(ctx.token?.value, 'a"b');
  });
  it('finds the policy variable under the cursor, without its default value', () => {
    const { text, offset } = atCursor('{"Statement":[{"Resource":"arn:aws:s3:::b/${aws:user|name}/*"}]}');
    const ctx = cursorContext(text, offset);
    const v = variableAt(ctx.token!, text, offset);
    assert.equal(v?.key, 'aws:username');
    assert.equal(text.slice(v!.offset, v!.offset + v!.length), '${aws:username}');
    const withDefault = atCursor('{"Statement":[{"Resource":"x/${aws:Principal|Tag/team, \'none\'}"}]}');
    const c2 = cursorContext(withDefault.text, withDefault.offset);
    assert.equal(variableAt(c2.token!, withDefault.text, withDefault.offset)?.key, 'aws:PrincipalTag/team');
    const outside = atCursor('{"Statement":[{"Resource":"x|/${aws:username}"}]}');
    const c3 = cursorContext(outside.text, outside.offset);
    assert.equal(variableAt(c3.token!, outside.text, outside.offset), undefined);
  });
  it('never throws on odd input', () => {
    for (const text of ['', '{', '[[[[', '"', '{"Statement":', 'x'.repeat(1000), '{"Statement":[{"Condition":{"A":{"B":[1,2,{"c":"|"}]}}}]}']) {
      for (const offset of [0, 1, text.length, text.length + 5, -3]) assert.doesNotThrow(() => cursorContext(text, offset));
    }
  });
});
