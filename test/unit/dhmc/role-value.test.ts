import * as assert from 'node:assert/strict';
import {
  DEFAULT_DHMC_ROLE,
  DhmcRoleValueError,
  dhmcRoleArn,
  dhmcSettingValue,
  dhmcValueProblemMessage,
  parseDhmcRoleValue,
  parseRoleArn,
  validateDhmcRoleValue,
} from '../../../src/core/dhmc/role-value';
import { DHMC_SETTING_VALUE } from '../../../src/core/ssm/dhmc';

describe('dhmc/role-value', () => {
  it('parses the documented value into path and name', () => {
    assert.deepEqual(parseDhmcRoleValue('service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole'), {
      name: 'AWSSystemsManagerDefaultEC2InstanceManagementRole',
      path: '/service-role/',
      value: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole',
    });
    assert.equal(DEFAULT_DHMC_ROLE.value, DHMC_SETTING_VALUE);
    assert.deepEqual(parseDhmcRoleValue('MyRole'), { name: 'MyRole', path: '/', value: 'MyRole' });
    assert.deepEqual(parseDhmcRoleValue('a/b.c/My+Role@x'), { name: 'My+Role@x', path: '/a/b.c/', value: 'a/b.c/My+Role@x' });
  });

  it('names what is wrong with a value', () => {
    assert.equal(validateDhmcRoleValue('service-role/X'), undefined);
    assert.equal(validateDhmcRoleValue(''), 'empty');
    assert.equal(validateDhmcRoleValue('  '), 'empty');
    assert.equal(validateDhmcRoleValue('$None'), 'none');
    assert.equal(validateDhmcRoleValue('arn:aws:iam::111122223333:role/service-role/X'), 'arn');
    assert.equal(validateDhmcRoleValue('/service-role/X'), 'leadingSlash');
    assert.equal(validateDhmcRoleValue('service-role/'), 'invalid');
    assert.equal(validateDhmcRoleValue('my role'), 'invalid');
    assert.equal(validateDhmcRoleValue('x'.repeat(65)), 'invalid');
    assert.equal(validateDhmcRoleValue('x'.repeat(64)), undefined);
    for (const v of ['x', 'arn:aws:iam::1:role/x', '/x', '']) assert.equal(parseDhmcRoleValue(v) === undefined, v !== 'x', v);
  });

  it('builds the value from a role ARN or a name and path, never an ARN', () => {
    assert.equal(dhmcSettingValue({ arn: 'arn:aws:iam::111122223333:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole' }), DHMC_SETTING_VALUE);
    assert.equal(dhmcSettingValue({ arn: 'arn:aws-us-gov:iam::111122223333:role/MyRole' }), 'MyRole');
    assert.equal(dhmcSettingValue({ name: 'AWSSystemsManagerDefaultEC2InstanceManagementRole', path: '/service-role/' }), DHMC_SETTING_VALUE);
    assert.equal(dhmcSettingValue({ name: 'MyRole' }), 'MyRole');
    assert.equal(dhmcSettingValue({ name: 'MyRole', path: '/' }), 'MyRole');
    assert.equal(dhmcSettingValue({ name: 'MyRole', path: '/a/b/' }), 'a/b/MyRole');
    assert.equal(dhmcSettingValue({ name: 'MyRole', path: 'a/b' }), 'a/b/MyRole');
    assert.throws(() => dhmcSettingValue({ name: 'arn:aws:iam::111122223333:role/MyRole' }), (e: unknown) => e instanceof DhmcRoleValueError && e.problem === 'arn');
    assert.throws(() => dhmcSettingValue({ name: 'a/MyRole' }), DhmcRoleValueError);
    assert.throws(() => dhmcSettingValue({ name: '' }), DhmcRoleValueError);
    assert.throws(() => dhmcSettingValue({ arn: 'arn:aws:iam::111122223333:user/me' }), DhmcRoleValueError);
    assert.throws(() => dhmcSettingValue({ arn: 'service-role/X' }), DhmcRoleValueError);
  });

  it('parses role ARNs and builds the ARN back for iam:PassRole', () => {
    const role = parseRoleArn('arn:aws:iam::111122223333:role/service-role/X')!;
    assert.deepEqual(role, { name: 'X', path: '/service-role/', value: 'service-role/X' });
    assert.equal(dhmcRoleArn(role, '111122223333'), 'arn:aws:iam::111122223333:role/service-role/X');
    assert.equal(dhmcRoleArn(role, '111122223333', 'aws-cn'), 'arn:aws-cn:iam::111122223333:role/service-role/X');
    assert.equal(parseRoleArn('arn:aws:iam::111122223333:policy/X'), undefined);
  });

  it('explains every problem in plain text', () => {
    for (const p of ['empty', 'none', 'arn', 'leadingSlash', 'invalid'] as const) {
      const text = dhmcValueProblemMessage(p, (m, ...a) => m.replace(/\{(\d)\}/g, (_, i: string) => String(a[Number(i)])));
      assert.ok(text.length > 10 && !text.includes('{') && !text.includes('`'), text);
    }
    assert.match(dhmcValueProblemMessage('arn', (m) => m), /not an ARN/);
  });
});
