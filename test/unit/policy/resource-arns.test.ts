import * as assert from 'node:assert/strict';
import { applyAll } from '../../../src/core/policy/edits';
import { removeArrayItem } from '../../../src/core/policy/array-edits';
import { arnMatchesTemplate } from '../../../src/core/policy/arn';
import { parsePolicy } from '../../../src/core/policy/parse';
import { ARN_FIELD, arnCanMatch, templatesOf, withArnField } from '../../../src/core/policy/resource-arns';

const doc = 'arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}';
const ec2 = 'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}';

describe('policy/resource-arns', () => {
  it('replaces one ARN field, keeping colons inside policy variables', () => {
    assert.equal(withArnField('arn:aws:iam:us-east-1:123456789012:role/x', ARN_FIELD.region, ''), 'arn:aws:iam::123456789012:role/x');
    assert.equal(withArnField('arn:aws:s3::123456789012:b/*', ARN_FIELD.account, ''), 'arn:aws:s3:::b/*');
    assert.equal(withArnField('arn:aws:ssm:*:*:instance/i-1', ARN_FIELD.service, 'ec2'), 'arn:aws:ec2:*:*:instance/i-1');
    assert.equal(withArnField('arn:aws:s3:::${aws:userid}/x', ARN_FIELD.resource, 'y'), 'arn:aws:s3:::y');
  });

  it('splits resource types that have several ARN forms', () => {
    assert.deepEqual(templatesOf({ arn: 'arn:a:apigateway:r::/apis/${ApiId}, arn:a:apigateway:r::/restapis/${RestApiId}' }), [
      'arn:a:apigateway:r::/apis/${ApiId}',
      'arn:a:apigateway:r::/restapis/${RestApiId}',
    ]);
  });

  it('tells whether a policy ARN can match a template', () => {
    assert.ok(arnCanMatch('arn:aws:ssm:us-east-2::document/AWS-RunShellScript', doc), 'a template variable may be empty');
    assert.ok(arnCanMatch('arn:aws:ec2:*:*:instance/*', ec2));
    assert.ok(arnCanMatch('arn:aws:ssm:*:*:*', doc));
    assert.ok(!arnCanMatch('arn:aws:ssm:*:*:instance/*', ec2), 'service differs');
    assert.ok(!arnCanMatch('arn:aws:ssm:*:*:instance/*', 'arn:${Partition}:ssm:${Region}:${Account}:managed-instance/${InstanceId}'));
    assert.ok(
      !arnCanMatch('arn:aws:ssm:*:*:instance/*', 'arn:${Partition}:ssm:${Region}:${Account}:automation-definition/${Name}:${VersionId}'),
      'a "*" ending a field does not reach into a resource part that has its own type word',
    );
    assert.ok(!arnCanMatch('arn:aws:iam:us-east-1:123456789012:role/x', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'));
    assert.ok(arnCanMatch('arn:aws:iam::${aws:PrincipalAccount}:role/x', 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'));
  });

  it('lets a "*" that ends a field reach across colons, as IAM does', () => {
    assert.ok(arnCanMatch('arn:aws:secretsmanager:*:*:sqlworkbench!*', 'arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}'));
    assert.ok(arnCanMatch('arn:aws:logs:*:*:log-group:/aws/ssm*', 'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}'));
  });

  it('lets names in the resource part hold colons, and template wildcards match', () => {
    assert.ok(arnCanMatch('arn:aws:rds:*:*:snapshot:awsbackup:*', 'arn:${Partition}:rds:${Region}:${Account}:snapshot:${SnapshotName}'));
    assert.ok(arnCanMatch('arn:aws:dms:us-east-1:1:endpoint:X', 'arn:${Partition}:dms:${Region}:${Account}:endpoint:*'));
    assert.ok(arnCanMatch('arn:aws:health:us-east-1::event/EC2/X/y', 'arn:${Partition}:health:*::event/${Service}/${EventTypeCode}/*'));
  });

  it('removes array items with their separator', () => {
    const text = '{"Action": ["a", "b", "c"]}';
    const items = parsePolicy(text).root?.children?.[0]?.children?.[1]?.children ?? [];
    assert.equal(applyAll(text, removeArrayItem(items[0]!)), '{"Action": ["b", "c"]}');
    assert.equal(applyAll(text, removeArrayItem(items[1]!)), '{"Action": ["a", "c"]}');
    assert.equal(applyAll(text, removeArrayItem(items[2]!)), '{"Action": ["a", "b"]}');
    assert.equal(applyAll(text, [...removeArrayItem(items[0]!), ...removeArrayItem(items[1]!)]), '{"Action": ["c"]}');
  });
});

describe('policy/arn arnMatchesTemplate with wildcards in the template', () => {
  it('treats a template "*" as a wildcard in a field and in the resource part', () => {
    assert.ok(arnMatchesTemplate('arn:aws:health:us-east-1::event/EC2/X/y', 'arn:${Partition}:health:*::event/${Service}/${EventTypeCode}/*'));
    assert.ok(arnMatchesTemplate('arn:aws:dms:us-east-1:123456789012:endpoint:ABC', 'arn:${Partition}:dms:${Region}:${Account}:endpoint:*'));
    assert.ok(arnMatchesTemplate('arn:aws:braket:us-east-1:123456789012:device/qpu/x/y', 'arn:${Partition}:braket:*:*:device/${DeviceType}/${Provider}/${DeviceId}'));
  });
});
