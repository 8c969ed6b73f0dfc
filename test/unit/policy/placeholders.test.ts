import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { findPlaceholders, isPolicyVariableName, type PlaceholderRole } from '../../../src/core/policy/placeholders';

/** The tokens found in a value, as [family, token] pairs. */
function tokens(value: string, role: PlaceholderRole = 'resource', conditionKey?: string): [string, string][] {
  return findPlaceholders(value, role, { conditionKey }).map((t) => [t.family, t.token]);
}

describe('policy/placeholders', () => {
  describe('isPolicyVariableName', () => {
    it('accepts the variables IAM substitutes', () => {
      for (const v of ['aws:username', 'aws:PrincipalTag/team', "aws:PrincipalTag/team, 'default'", 'ec2:SourceInstanceARN', '*', '?', '$']) {
        assert.ok(isPolicyVariableName(v), v);
      }
    });
    it('rejects template variables', () => {
      for (const v of ['AccountId', 'AWS::Region', 'Partition', 'account-id', '', '**']) assert.ok(!isPolicyVariableName(v), v);
    });
  });

  describe('findPlaceholders', () => {
    it('finds the region and account fields of an ARN, with offsets inside the value', () => {
      const value = 'arn:aws:ssm:region:account-id:servicesetting/ssm/managed-instance/default-ec2-instance-management-role';
      const found = findPlaceholders(value, 'resource');
      assert.deepEqual(found.map((t) => [t.family, t.token, t.offset, t.length]), [
        ['region', 'region', 12, 6],
        ['account', 'account-id', 19, 10],
      ]);
      for (const t of found) assert.equal(value.slice(t.offset, t.offset + t.length), t.token);
      assert.deepEqual(tokens('arn:aws:iam::ACCOUNT_ID:role/x'), [['account', 'ACCOUNT_ID']]);
      assert.deepEqual(tokens('arn:aws:ssm:$REGION:$ACCOUNT_ID:document/x'), [
        ['region', '$REGION'],
        ['account', '$ACCOUNT_ID'],
      ]);
      assert.deepEqual(tokens('arn:aws:iam::*account*:role/x'), []);
      assert.deepEqual(tokens('arn:aws:logs:AWS_REGION:111122223333-example:log-group:x'), [
        ['region', 'AWS_REGION'],
        ['account', '111122223333-example'],
      ]);
    });

    it('finds KMS key placeholders as a whole Resource and inside a KMS ARN', () => {
      assert.deepEqual(tokens('key-name'), [['kmsKey', 'key-name']]);
      assert.deepEqual(tokens('kms-key-arn'), [['kmsKey', 'kms-key-arn']]);
      assert.deepEqual(tokens('arn:aws:kms:region:account-id:key/key-name'), [
        ['region', 'region'],
        ['account', 'account-id'],
        ['kmsKey', 'key-name'],
      ]);
      assert.deepEqual(tokens('arn:aws:kms:us-east-2:210987654321:key/key-id'), [['kmsKey', 'key-id']]);
      assert.deepEqual(tokens('arn:aws:kms:us-east-2:210987654321:alias/alias-name'), [['kmsKey', 'alias-name']]);
      // Only in KMS ARNs, and a whole Resource only where a Resource is expected.
      assert.deepEqual(tokens('arn:aws:ssm:us-east-2:210987654321:parameter/key-id'), []);
      assert.deepEqual(tokens('key-name', 'conditionValue', 'aws:PrincipalTag/x'), []);
    });

    it('finds negative accounts', () => {
      assert.deepEqual(tokens('arn:aws:ssm:us-east-2:-123456789012:servicesetting/x'), [['negativeAccount', '-123456789012']]);
      assert.deepEqual(tokens('arn:aws:iam::-1234:root', 'principal'), [['negativeAccount', '-1234']]);
      assert.deepEqual(tokens('-123456789012', 'principal'), [['negativeAccount', '-123456789012']]);
      assert.deepEqual(tokens('-123456789012', 'conditionValue', 'aws:SourceAccount'), [['negativeAccount', '-123456789012']]);
      assert.deepEqual(tokens('-12', 'conditionValue', 'aws:MultiFactorAuthAge'), []);
      assert.deepEqual(tokens('arn:aws:iam::210987654321:root', 'principal'), []);
    });

    it('finds per-Region bucket names (patch-baseline-snapshot-region)', () => {
      const found = findPlaceholders('arn:aws:s3:::patch-baseline-snapshot-region/*', 'resource');
      assert.equal(found.length, 1);
      assert.equal(found[0]?.token, 'region');
      assert.equal(found[0]?.offset, 'arn:aws:s3:::patch-baseline-snapshot-'.length);
      assert.match(found[0]?.fill ?? '', /patch-baseline-snapshot-us-east-2/);
      assert.deepEqual(tokens('arn:aws:s3:::region-birdwatcher-prod/*'), [['region', 'region']]);
      assert.deepEqual(tokens('arn:aws:s3:::aws-ssm-region/*'), [['region', 'region']]);
      // "region" inside a name or in the object key is not a placeholder; only S3 bucket names are named per Region.
      assert.deepEqual(tokens('arn:aws:s3:::my-region-bucket/*'), []);
      assert.deepEqual(tokens('arn:aws:s3:::regional/*'), []);
      assert.deepEqual(tokens('arn:aws:s3:::bucket/region/*'), []);
      assert.deepEqual(tokens('arn:aws:ssm:us-east-1:210987654321:parameter/app-region'), []);
    });

    it('finds tag keys in condition keys and tag values in condition values', () => {
      assert.deepEqual(tokens('ssm:resourceTag/tag_key1', 'conditionKey'), [['tagKey', 'tag_key1']]);
      assert.deepEqual(tokens('aws:ResourceTag/tag-key', 'conditionKey'), [['tagKey', 'tag-key']]);
      assert.deepEqual(tokens('aws:RequestTag/${TagKey}', 'conditionKey'), [['template', '${TagKey}']]);
      assert.deepEqual(tokens('ssm:resourceTag/Finance', 'conditionKey'), []);
      assert.deepEqual(tokens('aws:SourceAccount', 'conditionKey'), []);
      assert.deepEqual(tokens('tag_value1', 'conditionValue', 'ssm:resourceTag/tag_key1'), [['tagValue', 'tag_value1']]);
      assert.deepEqual(tokens('WebServers', 'conditionValue', 'ssm:resourceTag/Finance'), []);
      // A condition key is not searched for ARN or account placeholders.
      assert.deepEqual(tokens('account-id', 'conditionKey'), []);
    });

    it('finds Region words only under Region condition keys', () => {
      assert.deepEqual(tokens('region', 'conditionValue', 'aws:RequestedRegion'), [['region', 'region']]);
      assert.deepEqual(tokens('your-region', 'conditionValue', 'ec2:Region'), [['region', 'your-region']]);
      assert.deepEqual(tokens('us-east-1', 'conditionValue', 'aws:RequestedRegion'), []);
      assert.deepEqual(tokens('region', 'conditionValue', 'aws:PrincipalTag/scope'), []);
    });

    it('finds account words outside Resource', () => {
      assert.deepEqual(tokens('account-id', 'principal'), [['account', 'account-id']]);
      assert.deepEqual(tokens('YOUR_AWS_ACCOUNT_ID', 'conditionValue', 'aws:SourceAccount'), [['account', 'YOUR_AWS_ACCOUNT_ID']]);
      assert.deepEqual(tokens('arn:aws:s3:::trail-bucket/AWSLogs/account-id/*'), [['account', 'account-id']]);
      assert.deepEqual(tokens('account', 'principal'), []);
    });

    it('finds template variables, naming what they stand for', () => {
      const found = findPlaceholders('arn:aws:ssm:{{Region}}:${AccountId}:document/<name>', 'resource');
      assert.deepEqual(found.map((t) => t.token), ['{{Region}}', '${AccountId}', '<name>']);
      assert.ok(found.every((t) => t.family === 'template'));
      assert.match(found[0]?.meaning ?? '', /Region/);
      assert.match(found[1]?.meaning ?? '', /account ID/);
      assert.deepEqual(tokens('arn:aws:ssm:{region}:*:document/x'), [['template', '{region}']]);
      assert.deepEqual(tokens('arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:document/x'), [
        ['template', '${AWS::Region}'],
        ['template', '${AWS::AccountId}'],
      ]);
      assert.deepEqual(tokens('{{service}}.amazonaws.com', 'principal'), [['template', '{{service}}']]);
    });

    it('leaves policy variables and names that are not placeholders alone', () => {
      for (const v of [
        'arn:aws:s3:::bucket/${aws:username}/*',
        'arn:aws:s3:::bucket/${aws:PrincipalTag/team}/${*}${?}${$}',
        'arn:aws:ec2:${aws:RequestedRegion}:*:instance/*',
        'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
        'arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHEXAMPLE',
        'arn:aws:ssm:us-west-1::document/AWS-RunShellScript',
        'arn:aws:ssm:*:*:document/*',
        '*',
        'arn:aws:s3:::my-bucket/{"json":1}',
      ]) {
        assert.deepEqual(tokens(v, 'principal'), [], v);
        assert.deepEqual(tokens(v, 'resource'), [], v);
      }
    });

    it('finds documentation example names', () => {
      assert.deepEqual(tokens('arn:aws:s3:::DOC-EXAMPLE-BUCKET/*'), [['bucket', 'DOC-EXAMPLE-BUCKET']]);
      assert.deepEqual(tokens('arn:aws:s3:::DOC-EXAMPLE-DESTINATION-BUCKET/*'), [['bucket', 'DOC-EXAMPLE-DESTINATION-BUCKET']]);
      assert.deepEqual(tokens('arn:aws:s3:::doc-example-bucket/*'), [['bucket', 'doc-example-bucket']]);
      assert.deepEqual(tokens('arn:aws:s3:::amzn-s3-demo-bucket/*'), [['bucket', 'amzn-s3-demo-bucket']]);
      assert.deepEqual(tokens('arn:aws:s3:::awsexamplebucket1/*'), [['bucket', 'awsexamplebucket1']]);
      assert.deepEqual(tokens('arn:aws:iam::210987654321:role/DOC-EXAMPLE-ROLE', 'principal'), [['name', 'DOC-EXAMPLE-ROLE']]);
      assert.deepEqual(tokens('arn:aws:iam::account-id:policy/my-bucket-policy-name'), [
        ['account', 'account-id'],
        ['name', 'my-bucket-policy-name'],
      ]);
      assert.deepEqual(tokens('my-bucket-policy-name', 'conditionValue', 'aws:PrincipalTag/x'), [['name', 'my-bucket-policy-name']]);
      assert.deepEqual(tokens('arn:aws:iam::210987654321:policy/my-policy'), []);
    });

    it('never throws and ignores empty, huge or non-string input', () => {
      assert.deepEqual(tokens(''), []);
      assert.deepEqual(tokens(`arn:aws:ssm:region:${'x'.repeat(5000)}`), []);
      assert.deepEqual(findPlaceholders(42 as unknown as string, 'resource'), []);
      assert.deepEqual(findPlaceholders(null as unknown as string, 'principal'), []);
      assert.doesNotThrow(() => findPlaceholders('arn:::::', 'resource'));
      assert.doesNotThrow(() => findPlaceholders(`{{${'{'.repeat(3000)}`, 'conditionValue', {}));
      assert.doesNotThrow(() => findPlaceholders('ssm:resourceTag/tag_key1', 'conditionKey', undefined));
    });
  });

  describe('the documented policies (test/fixtures/seeds)', () => {
    const dir = join(__dirname, '..', '..', 'fixtures', 'seeds');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      policies: { file: string; fill: [string, string][] }[];
    };

    /** Every string of the document with the role it plays (keys of condition entries included). */
    function strings(node: Node | undefined, path: string[] = [], out: { value: string; role: PlaceholderRole; key?: string }[] = []) {
      if (!node) return out;
      if (node.type === 'string') {
        const inCondition = path.includes('Condition');
        const role: PlaceholderRole = inCondition ? 'conditionValue' : path.includes('Principal') ? 'principal' : 'resource';
        out.push({ value: node.value as string, role, key: inCondition ? path[path.length - 1] : undefined });
      }
      for (const child of node.children ?? []) {
        if (child.type === 'property') {
          const key = child.children?.[0]?.value as string;
          if (path.includes('Condition') && path.length >= 2 && path[path.length - 2] === 'Condition') {
            out.push({ value: key, role: 'conditionKey' });
          }
          strings(child.children?.[1], [...path, key], out);
        } else strings(child, path, out);
      }
      return out;
    }

    for (const p of manifest.policies.filter((x) => x.fill.length > 0)) {
      it(`${p.file}: every placeholder the manifest fills is found`, () => {
        const found = strings(parseTree(readFileSync(join(dir, p.file), 'utf8'))).flatMap((s) =>
          findPlaceholders(s.value, s.role, { conditionKey: s.key }).map((t) => ({ ...t, value: s.value })),
        );
        for (const [from] of p.fill) {
          const token = from.replace(/^[":]+|[":]+$/g, '');
          assert.ok(
            found.some((t) => t.token === token || (t.value.includes(token) && token.includes(t.token))),
            `${token} not found; found ${JSON.stringify(found.map((t) => t.token))}`,
          );
        }
      });
    }

    it('the filled documented policies hold no placeholder', () => {
      for (const p of manifest.policies) {
        const filled = p.fill.reduce((t, [from, to]) => t.split(from).join(to), readFileSync(join(dir, p.file), 'utf8'));
        const found = strings(parseTree(filled)).flatMap((s) => findPlaceholders(s.value, s.role, { conditionKey: s.key }));
        assert.deepEqual(found.map((t) => t.token), [], p.file);
      }
    });
  });
});
