import * as assert from 'node:assert/strict';
import { getHover, type PolicyHover } from '../../../src/core/language/hover';
import { IamIndex } from '../../../src/core/iam';
import { MAX_EDITOR_TEXT_LENGTH } from '../../../src/core/policy/limits';
import { atCursor, offsetOf } from './marker';

const iam = new IamIndex();

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "RunCommands",
      "Effect": "Allow",
      "Action": ["ssm:SendCommand", "ssm:Get*", "ssm:SendComand", "sssm:SendCommand", "*", "ssm:Nothing*", "SendCommand", "ssm:*"],
      "Resource": [
        "arn:aws:ssm:us-east-1::document/AWS-RunShellScript",
        "arn:aws:ssm:us-east-1::document/MyDocument",
        "arn:aws:ec2:us-east-1:123456789012:instance/*",
        "arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/parameter-store/default-parameter-tier",
        "arn:aws:iam::123456789012:role/\${aws:username}",
        "arn:aws-cn:ssm:us-east-1:123456789012:document/X",
        "arn:aws:s3:::my-bucket",
        "arn:aws:ssm:us-east-1"
      ],
      "Condition": {
        "StringEquals": { "ssm:resourceTag/Env": "prod", "aws:SourceIp": "203.0.113.0/24", "ssm:NoSuchKey": "x", "foo:Bar": "y" },
        "StringEqual": { "aws:username": "a" },
        "ArnLike": { "aws:SourceArn": "arn:aws:ssm:*:123456789012:*" },
        "StringLike": { "ssm:SettingId": "/ssm/parameter-store/*" }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": ["ssm:Describe*"],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Principal": { "Service": ["ssm.amazonaws.com", "ssm.amazonaws"], "AWS": "arn:aws:iam::123456789012:root" },
      "Action": "sts:AssumeRole"
    },
    { "Effect": "Allow", "Action": "ssm:GetServiceSetting", "Resource": "/ssm/managed-instance/default-ec2-instance-management-role" },
    { "Effect": "Allow", "Action": "ssm:GetServiceSetting", "Resource": "/ssm/opsdata/SomethingNew" }
  ]
}`;

async function hoverAt(needle: string, delta = 1): Promise<PolicyHover> {
  const offset = offsetOf(POLICY, needle, delta);
  const hover = await getHover(POLICY, offset, { iam });
  assert.ok(hover, `a hover at ${needle}`);
  return hover;
}

function covered(h: PolicyHover): string {
  return POLICY.slice(h.offset, h.offset + h.length);
}

describe('language/hover', function () {
  this.timeout(20_000);

  describe('actions', () => {
    it('describes an action: description, access level, resource types with ARN formats, condition keys, link', async () => {
      const h = await hoverAt('ssm:SendCommand"', 5);
      assert.equal(h.kind, 'action');
      assert.equal(covered(h), '"ssm:SendCommand"');
      assert.match(h.markdown, /^\*\*ssm:SendCommand\*\* · AWS Systems Manager/);
      assert.match(h.markdown, /Grants permission to run commands/);
      assert.match(h.markdown, /\*\*Access level:\*\* Write/);
      assert.match(h.markdown, /\| `document` \* \| `arn:\$\{Partition\}:ssm:\$\{Region\}:\$\{Account\}:document\/\$\{DocumentName\}` \|/);
      assert.match(h.markdown, /\| `instance` \| `arn:\$\{Partition\}:ec2:/);
      assert.match(h.markdown, /\*\*Condition keys:\*\* .*`ssm:resourceTag\/\$\{TagKey\}`/);
      assert.ok(
        h.markdown.includes('(https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssystemsmanager.html#awssystemsmanager-actions-as-permissions)'),
      );
    });
    it('hovers the same at every offset inside the string, including its quotes', async () => {
      const start = POLICY.indexOf('"ssm:SendCommand"');
      for (const offset of [start, start + 1, start + 8, start + 16]) {
        const h = await getHover(POLICY, offset, { iam });
        assert.equal(h?.kind, 'action', `offset ${offset - start}`);
        assert.equal(h?.offset, start);
      }
      assert.equal(await getHover(POLICY, start + 17, { iam }), undefined, 'after the closing quote');
    });
    it('says when an action supports no resource-level permissions', async () => {
      const text = '{"Statement":{"Effect":"Allow","Action":"ssm:DescribeInstanceInformation","Resource":"*"}}';
      const h = await getHover(text, offsetOf(text, 'DescribeInstance'), { iam });
      assert.equal(h?.kind, 'action');
      assert.match(h!.markdown, /\*\*Resource types:\*\* none/);
      assert.match(h!.markdown, /"Resource": "\*"/);
    });
    it('counts and lists the actions of a wildcard, by access level', async () => {
      const h = await hoverAt('ssm:Get*');
      assert.equal(h.kind, 'actionPattern');
      const n = Number(/Matches (\d+) actions of AWS Systems Manager\./.exec(h.markdown)?.[1]);
      assert.ok(n > 15, `ssm:Get* matches many actions (${n})`);
      assert.match(h.markdown, /By access level: Read \d+/);
      assert.match(h.markdown, /- `ssm:GetDocument` \(Read\)/);
      assert.match(h.markdown, new RegExp(`… and ${n - 12} more`));
    });
    it('says "all" for service:*, and every service for *', async () => {
      assert.match((await hoverAt('"ssm:*"')).markdown, /Matches all \d+ actions of AWS Systems Manager\./);
      const star = await hoverAt('"*", "ssm:N');
      assert.equal(covered(star), '"*"');
      assert.match(star.markdown, /every action of every AWS service/);
    });
    it('reports a wildcard that matches nothing, a misspelt action and an unknown service with suggestions', async () => {
      assert.match((await hoverAt('ssm:Nothing*')).markdown, /Matches no action of AWS Systems Manager/);
      const typo = await hoverAt('ssm:SendComand');
      assert.match(typo.markdown, /`SendComand` is not an action of AWS Systems Manager/);
      assert.match(typo.markdown, /Did you mean `ssm:SendCommand`\?/);
      const service = await hoverAt('sssm:SendCommand');
      assert.match(service.markdown, /`sssm` is not a service prefix/);
      assert.match(service.markdown, /Did you mean `ssm`\?/);
      assert.match((await hoverAt('"SendCommand"')).markdown, /`service:ActionName`/);
    });
    it('explains NotAction', async () => {
      const h = await hoverAt('ssm:Describe*');
      assert.match(h.markdown, /every action \*\*except\*\*/);
    });
    it('describes actions of other services, in trust policies too', async () => {
      const h = await hoverAt('sts:AssumeRole');
      assert.equal(h.kind, 'action');
      assert.match(h.markdown, /AWS Security Token Service/);
      assert.match(h.markdown, /list_awssecuritytokenservice\.html/);
      assert.match(h.markdown, /`sts:ExternalId`/);
    });
  });

  describe('condition keys', () => {
    it('describes a service key written for its template, with its type and page', async () => {
      const h = await hoverAt('ssm:resourceTag/Env');
      assert.equal(h.kind, 'conditionKey');
      assert.equal(covered(h), '"ssm:resourceTag/Env"');
      assert.match(h.markdown, /`ssm:resourceTag\/Env` \(`ssm:resourceTag\/\$\{TagKey\}`\)\*\* · String/);
      assert.match(h.markdown, /tag key-value pair/);
      assert.match(h.markdown, /Condition key of AWS Systems Manager/);
      assert.match(h.markdown, /#awssystemsmanager-policy-keys\)/);
    });
    it('describes a global key with its meaning, category, operator hint and anchor', async () => {
      const h = await hoverAt('aws:SourceIp"');
      assert.match(h.markdown, /\*\*`aws:SourceIp`\*\* · IPAddress/);
      assert.match(h.markdown, /The IP address the request came from/);
      assert.match(h.markdown, /Global condition key \(network\)/);
      assert.match(h.markdown, /`IpAddress` or `NotIpAddress`/);
      assert.match(h.markdown, /reference_policies_condition-keys\.html#condition-keys-sourceip\)/);
    });
    it('describes a key used as a policy variable, covering only the variable', async () => {
      const h = await hoverAt('aws:username}', 3);
      assert.equal(h.kind, 'conditionKey');
      assert.equal(covered(h), '${aws:username}');
      assert.match(h.markdown, /friendly name of the IAM user/);
    });
    it('says when a key is unknown or its service does not exist', async () => {
      assert.match((await hoverAt('ssm:NoSuchKey')).markdown, /Not a condition key in the IAM data/);
      assert.match((await hoverAt('"foo:Bar"')).markdown, /`foo` is not a service prefix/);
    });
  });

  describe('condition operators', () => {
    it('describes a known operator and suggests a fix for a misspelt one', async () => {
      const known = await hoverAt('"StringEquals"');
      assert.equal(known.kind, 'operator');
      assert.match(known.markdown, /\*\*StringEquals\*\*: The value of the condition key equals/);
      const typo = await hoverAt('"StringEqual"');
      assert.match(typo.markdown, /Did you mean `StringEquals`\?/);
    });
    it('describes an operator in Japanese when the locale is ja', async () => {
      const hover = await getHover(POLICY, offsetOf(POLICY, '"StringEquals"', 1), { iam, locale: 'ja' });
      assert.match(hover?.markdown ?? '', /^\*\*StringEquals\*\*/);
      assert.match(hover?.markdown ?? '', /[\u3040-\u30ff]/);
      assert.doesNotMatch(hover?.markdown ?? '', /The value of the condition key equals/);
    });
  });

  describe('ARNs', () => {
    it('splits an AWS-owned SSM document ARN and explains its empty account', async () => {
      const h = await hoverAt('AWS-RunShellScript');
      assert.equal(h.kind, 'arn');
      assert.equal(covered(h), '"arn:aws:ssm:us-east-1::document/AWS-RunShellScript"');
      assert.match(h.markdown, /\| Partition \| `aws` \| AWS \|/);
      assert.match(h.markdown, /\| Service \| `ssm` \| AWS Systems Manager \|/);
      assert.match(h.markdown, /\| Region \| `us-east-1` \| Region of AWS \|/);
      assert.match(h.markdown, /\| Account \| {2}\| empty: SSM documents that AWS owns \(AWS-…\) have no account \|/);
      assert.match(h.markdown, /\| Resource \| `document\/AWS-RunShellScript` \| `document` \|/);
      assert.match(h.markdown, /#awssystemsmanager-resources-for-iam-policies\)/);
    });
    it('notes that only AWS-owned documents go without an account', async () => {
      assert.match((await hoverAt('document/MyDocument')).markdown, /empty: only documents that AWS owns/);
    });
    it('names the resource type and the account ID of an EC2 ARN with a wildcard', async () => {
      const h = await hoverAt('instance/*');
      assert.match(h.markdown, /\| Account \| `123456789012` \| account ID \|/);
      assert.match(h.markdown, /\| Resource \| `instance\/\*` \| `instance` \|/);
      assert.match(h.markdown, /Amazon EC2/);
    });
    it('adds what a service setting controls to a servicesetting ARN', async () => {
      const h = await hoverAt('servicesetting/ssm/parameter');
      assert.match(h.markdown, /`servicesetting`/);
      assert.match(h.markdown, /\*\*Service setting\*\* `\/ssm\/parameter-store\/default-parameter-tier`/);
      assert.match(h.markdown, /\*\*Allowed values:\*\* `Standard`, `Advanced`, `Intelligent-Tiering`/);
      assert.match(h.markdown, /\*\*Default:\*\* `Standard`/);
    });
    it('explains empty Regions of global resources and Regions of another partition', async () => {
      assert.match((await hoverAt('role/${aws')).markdown, /\| Region \| {2}\| empty: these resources are not Regional \|/);
      assert.match((await hoverAt('my-bucket')).markdown, /\| Account \| {2}\| empty: these resources have no account field \|/);
      assert.match((await hoverAt('aws-cn:ssm')).markdown, /a Region of aws, not of aws-cn/);
    });
    it('shows the six fields an incomplete ARN needs', async () => {
      assert.match((await hoverAt('"arn:aws:ssm:us-east-1"')).markdown, /six fields/);
    });
    it('splits principal and condition-value ARNs too', async () => {
      const principal = await hoverAt(':root');
      assert.equal(principal.kind, 'arn');
      assert.match(principal.markdown, /\| Resource \| `root` \|/);
      const condition = await hoverAt('arn:aws:ssm:*:123456789012:*', 3);
      assert.match(condition.markdown, /\| Region \| `\*` \| any \(wildcard\) \|/);
    });
  });

  describe('service settings and principals', () => {
    it('describes a bare setting id, an id pattern and an unlisted id of an open family', async () => {
      const dhmc = await hoverAt('/ssm/managed-instance/default-ec2');
      assert.equal(dhmc.kind, 'serviceSetting');
      assert.match(dhmc.markdown, /Default Host Management Configuration/);
      assert.match(dhmc.markdown, /\*\*Default:\*\* `\$None`/);
      const pattern = await hoverAt('/ssm/parameter-store/*');
      assert.match(pattern.markdown, /Matches 2 documented settings/);
      const open = await hoverAt('/ssm/opsdata/SomethingNew');
      assert.match(open.markdown, /Explorer OpsData sources that this tool does not list/);
    });
    it('names the service of a service principal and flags a malformed one', async () => {
      const ok = await hoverAt('"ssm.amazonaws.com"');
      assert.equal(ok.kind, 'servicePrincipal');
      assert.match(ok.markdown, /service principal of AWS Systems Manager/);
      const bad = await hoverAt('"ssm.amazonaws"');
      assert.match(bad.markdown, /Did you mean `ssm.amazonaws.com`\?/);
    });
  });

  describe('no hover', () => {
    for (const marked of [
      '{"Version": "2012-10-|17"}',
      '{"Statement":[{"Sid": "Run|Commands"}]}',
      '{"Statement":[{"Effect": "Al|low"}]}',
      '{"Statement":[{"Act|ion": "ssm:SendCommand"}]}',
      '{"Statement":[{"Action": "ssm:SendCommand"} |]}',
      '|',
    ]) {
      it(`gives none at ${marked}`, async () => {
        const { text, offset } = atCursor(marked);
        assert.equal(await getHover(text, offset, { iam }), undefined);
      });
    }
  });

  it('translates its fixed phrases through the given function', async () => {
    const offset = offsetOf(POLICY, 'ssm:SendCommand"', 3);
    const h = await getHover(POLICY, offset, { iam, localize: (m, ...a) => `<${m.replace(/\{(\d+)\}/g, (_, i: string) => String(a[Number(i)]))}>` });
    assert.match(h!.markdown, /<\*\*Access level:\*\* Write>/);
  });

  it('stays silent on a document over the editor limit, which it would parse whole on every hover', async () => {
    const offset = offsetOf(POLICY, 'ssm:SendCommand"', 3);
    assert.ok(await getHover(POLICY, offset, { iam }), 'a hover below the limit');
    const padded = POLICY + ' '.repeat(MAX_EDITOR_TEXT_LENGTH);
    assert.equal(await getHover(padded, offset, { iam }), undefined);
  });
});
