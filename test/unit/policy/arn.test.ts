import * as assert from 'node:assert/strict';
import { arnFieldOffset, arnMatchesTemplate, parseArn } from '../../../src/core/policy/arn';

describe('policy/arn', () => {
  it('splits the six fields and keeps colons in the resource', () => {
    assert.deepEqual(parseArn('arn:aws:ssm:us-east-2::document/AWS-RunShellScript'), {
      partition: 'aws', service: 'ssm', region: 'us-east-2', account: '', resource: 'document/AWS-RunShellScript',
    });
    assert.equal(parseArn('arn:aws:logs:us-east-1:123456789012:log-group:/aws/ssm:*')?.resource, 'log-group:/aws/ssm:*');
    assert.equal(parseArn('arn:aws:s3'), undefined);
    assert.equal(parseArn('ssm:document/x'), undefined);
  });

  it('finds field offsets', () => {
    const arn = 'arn:aws:iam::123456789012:role/x';
    assert.equal(arn.slice(arnFieldOffset(arn, 4)), '123456789012:role/x');
    assert.equal(arnFieldOffset(arn, 3), arn.indexOf('::') + 1);
  });

  it('matches ARNs with wildcards and variables against IAM-data templates', () => {
    const doc = 'arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}';
    const ec2 = 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}';
    const role = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
    assert.ok(arnMatchesTemplate('arn:aws:ssm:us-east-2::document/AWS-RunShellScript', doc));
    assert.ok(arnMatchesTemplate('arn:aws:ssm:*:*:document/*', doc));
    assert.ok(arnMatchesTemplate('arn:aws:ec2:*:*:instance/*', ec2));
    assert.ok(!arnMatchesTemplate('arn:aws:ssm:*:*:instance/*', ec2), 'service differs');
    assert.ok(!arnMatchesTemplate('arn:aws:ssm:*:*:document/*', ec2));
    assert.ok(arnMatchesTemplate('arn:aws:iam::123456789012:role/service-role/X', role));
    assert.ok(!arnMatchesTemplate('arn:aws:iam:us-east-1:123456789012:role/X', role), 'IAM has no region');
    assert.ok(arnMatchesTemplate('arn:aws:iam::${aws:PrincipalAccount}:role/x', role));
    assert.ok(arnMatchesTemplate('arn:aws:ssm:*:*:*', doc), 'a wildcard resource covers every type');
  });
});
