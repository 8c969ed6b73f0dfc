import * as assert from 'node:assert/strict';
import {
  diagnoseServicePrincipal,
  isKnownServiceName,
  isWellFormedServicePrincipal,
  SERVICE_PRINCIPAL_NAMES,
} from '../../../src/core/policy/service-principals';
import { managedCorpus } from '../managed-corpus';

describe('policy/service-principals', () => {
  describe('isWellFormedServicePrincipal', () => {
    it('accepts the documented shapes', () => {
      for (const v of [
        'ssm.amazonaws.com',
        'ec2.amazonaws.com.cn',
        'states.us-east-1.amazonaws.com',
        'logs.ap-east-1.amazonaws.com',
        'delivery.logs.amazonaws.com',
        'cognito-identity.amazonaws.com',
        'alexa-appkit.amazon.com',
      ]) {
        assert.ok(isWellFormedServicePrincipal(v), v);
      }
    });
    it('rejects other text', () => {
      for (const v of ['ssm', 'amazonaws.com', 'SSM.amazonaws.com', 'ssm.amazonaws', '-ssm.amazonaws.com', 'ssm..amazonaws.com', 'ssm.example.com', '']) {
        assert.ok(!isWellFormedServicePrincipal(v), v);
      }
    });
  });

  it('knows the reference names, which are all bare, lower-case, unique names', () => {
    assert.ok(isKnownServiceName('ssm'));
    assert.ok(isKnownServiceName('elasticmapreduce'));
    assert.ok(!isKnownServiceName('ssm.amazonaws.com'));
    assert.equal(new Set(SERVICE_PRINCIPAL_NAMES).size, SERVICE_PRINCIPAL_NAMES.length);
    for (const name of SERVICE_PRINCIPAL_NAMES) assert.ok(isWellFormedServicePrincipal(`${name}.amazonaws.com`), name);
  });

  describe('diagnoseServicePrincipal', () => {
    const cases: [string, ReturnType<typeof diagnoseServicePrincipal>][] = [
      ['ssm.amazon.com', { kind: 'domain', suggestion: 'ssm.amazonaws.com' }],
      ['states.us-east-1.amazon.com', { kind: 'domain', suggestion: 'states.us-east-1.amazonaws.com' }],
      ['ec2.amazonaws', { kind: 'domain', suggestion: 'ec2.amazonaws.com' }],
      ['lambda.amazonws.com', { kind: 'domain', suggestion: 'lambda.amazonaws.com' }],
      ['ec2.amazonaws.com.cm', { kind: 'domain', suggestion: 'ec2.amazonaws.com.cn' }],
      ['ec2.amazonaws.cn', { kind: 'domain', suggestion: 'ec2.amazonaws.com.cn' }],
      ['ssm.amazonaws.com.', { kind: 'domain', suggestion: 'ssm.amazonaws.com' }],
      ['a-new-service.amazonws.com', { kind: 'domain', suggestion: 'a-new-service.amazonaws.com' }],
      ['https://ssm.amazonaws.com/', { kind: 'url', suggestion: 'ssm.amazonaws.com' }],
      ['ssm.amazonaws.com/', { kind: 'url', suggestion: 'ssm.amazonaws.com' }],
      ['https://ssm.amazon.com/path', { kind: 'url', suggestion: 'ssm.amazonaws.com' }],
      ['http://foo/', { kind: 'malformed' }],
      ['arn:aws:iam::210987654321:role/x', { kind: 'arn' }],
      ['ARN:aws:iam::210987654321:root', { kind: 'arn' }],
      [' ssm.amazonaws.com ', { kind: 'whitespace', suggestion: 'ssm.amazonaws.com' }],
      ['ssm .amazonaws.com', { kind: 'whitespace', suggestion: 'ssm.amazonaws.com' }],
      [' ssm ', { kind: 'whitespace', suggestion: 'ssm.amazonaws.com' }],
      ['SSM.amazonaws.com', { kind: 'case', suggestion: 'ssm.amazonaws.com' }],
      ['SSM', { kind: 'case', suggestion: 'ssm.amazonaws.com' }],
      ['SSM.AMAZON.COM', { kind: 'case', suggestion: 'ssm.amazonaws.com' }],
      ['FOO', { kind: 'malformed' }],
      ['ssm', { kind: 'bareName', suggestion: 'ssm.amazonaws.com' }],
      ['ssm.sap', { kind: 'bareName', suggestion: 'ssm.sap.amazonaws.com' }],
      ['not-a-known-service', { kind: 'bareName' }],
      ['ssm.amazonaws.com, ec2.amazonaws.com', { kind: 'list', parts: ['ssm.amazonaws.com', 'ec2.amazonaws.com'] }],
      ['ssm.amazonaws.com ec2.amazon.com', { kind: 'list', parts: ['ssm.amazonaws.com', 'ec2.amazonaws.com'] }],
      ['ssm,ec2', { kind: 'list', parts: ['ssm.amazonaws.com', 'ec2.amazonaws.com'] }],
      ['ssm.amazonaws.com,foo bar', { kind: 'list' }],
      ['amazonaws.com', { kind: 'malformed' }],
      ['ssm.amazonaws.com.com', { kind: 'malformed' }],
      ['ssm_amazonaws_com', { kind: 'malformed' }],
    ];
    for (const [value, expected] of cases) {
      it(`${JSON.stringify(value)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(diagnoseServicePrincipal(value), expected);
      });
    }

    it('accepts well-formed principals, known or not, and leaves wildcards alone', () => {
      for (const v of [
        'ssm.amazonaws.com',
        'ec2.amazonaws.com.cn',
        'states.us-east-1.amazonaws.com',
        'elasticmapreduce.amazonaws.com',
        'cognito-identity.amazonaws.com',
        'alexa-connectedhome.amazon.com',
        'a-service-newer-than-the-list.amazonaws.com',
        '*',
        '*.amazonaws.com',
        'ec2.amazonaws.com*',
        'dms.*.amazonaws.com',
        'ec2.*',
      ]) {
        assert.equal(diagnoseServicePrincipal(v), undefined, v);
      }
    });

    it('never throws, and ignores empty, huge and non-string input', () => {
      assert.equal(diagnoseServicePrincipal(''), undefined);
      assert.equal(diagnoseServicePrincipal(`${'a'.repeat(300)}.amazon.com`), undefined);
      assert.equal(diagnoseServicePrincipal(42 as unknown as string), undefined);
      assert.equal(diagnoseServicePrincipal(null as unknown as string), undefined);
      for (const v of ['.', '..', ',', ' ', '://', '/', 'https://', '.amazonaws.com', 'a.', ', ,', `${'a,'.repeat(120)}`]) {
        assert.doesNotThrow(() => diagnoseServicePrincipal(v), v);
      }
    });

    it('accepts every service principal of the AWS managed policies', () => {
      const policies = managedCorpus();
      const seen = new Set<string>();
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === 'object') {
          for (const [k, v] of Object.entries(x)) {
            if (/^(?:iam:PassedToService|iam:AWSServiceName|Service)$/i.test(k)) {
              for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') seen.add(s);
            }
            walk(v);
          }
        }
      };
      for (const { text } of policies) walk(JSON.parse(text));
      assert.ok(seen.size > 100, `found ${seen.size} principals`);
      const bad = [...seen].filter((s) => diagnoseServicePrincipal(s));
      assert.deepEqual(bad, []);
    });
  });
});
