import * as assert from 'node:assert/strict';
import { getCompletions, type PolicyCompletionItem } from '../../../src/core/language/completion';
import { IamIndex } from '../../../src/core/iam';
import { MAX_EDITOR_TEXT_LENGTH } from '../../../src/core/policy/limits';
import { atCursor } from './marker';

const iam = new IamIndex();

interface At {
  text: string;
  offset: number;
  items: PolicyCompletionItem[];
}

async function complete(marked: string): Promise<At> {
  const { text, offset } = atCursor(marked);
  return { text, offset, items: await getCompletions(text, offset, { iam }) };
}

function item(at: At, label: string): PolicyCompletionItem {
  const found = at.items.find((i) => i.label === label);
  assert.ok(found, `${label} among ${at.items.length} items: ${at.items.slice(0, 8).map((i) => i.label).join(', ')}`);
  return found;
}

/** The text the item replaces. */
function replaced(at: At, i: PolicyCompletionItem): string {
  return at.text.slice(i.range.offset, i.range.offset + i.range.length);
}

/** The text after accepting the item (snippet syntax left as is). */
function accept(at: At, i: PolicyCompletionItem): string {
  return at.text.slice(0, i.range.offset) + i.insertText + at.text.slice(i.range.offset + i.range.length);
}

function labels(at: At): string[] {
  return at.items.map((i) => i.label);
}

describe('language/completion', function () {
  this.timeout(20_000);

  describe('in Action and NotAction', () => {
    it('offers the actions of the service after "ssm:", with access level and docs', async () => {
      const at = await complete('{"Statement":[{"Effect":"Allow","Action":"ssm:Se|"}]}');
      const send = item(at, 'SendCommand');
      assert.equal(send.kind, 'action');
      assert.equal(send.detail, 'Write');
      assert.equal(replaced(at, send), 'Se');
      assert.equal(accept(at, send), '{"Statement":[{"Effect":"Allow","Action":"ssm:SendCommand"}]}');
      assert.match(send.documentation ?? '', /\*\*Access level:\*\* Write/);
      assert.equal(item(at, 'GetParameter').detail, 'Read');
      assert.equal(item(at, 'ListDocuments').detail, 'List');
      assert.ok(at.items.every((i) => i.kind === 'action'));
      assert.ok(at.items.length > 100);
    });
    it('replaces the whole action name when the cursor is in its middle', async () => {
      const at = await complete('{"Statement":[{"Action":["ec2:DescribeInstances","ssm:Send|Cmd"]}]}');
      const i = item(at, 'SendCommand');
      assert.equal(replaced(at, i), 'SendCmd');
      assert.equal(accept(at, i), '{"Statement":[{"Action":["ec2:DescribeInstances","ssm:SendCommand"]}]}');
    });
    it('offers actions in NotAction, in a single statement object, and while the string is unterminated', async () => {
      assert.ok(labels(await complete('{"Statement":[{"NotAction":["ssm:|"]}]}')).includes('StartSession'));
      assert.ok(labels(await complete('{"Statement":{"Action":"ec2:|"}}')).includes('DescribeInstances'));
      const open = await complete('{"Statement":[{"Action":"ssm:Get|');
      assert.equal(replaced(open, item(open, 'GetParameter')), 'Get');
    });
    it('offers service prefixes before the colon, with the colon added and completion re-opened', async () => {
      const at = await complete('{"Statement":[{"Action":["ss|"]}]}');
      const ssm = item(at, 'ssm');
      assert.equal(ssm.kind, 'service');
      assert.equal(ssm.detail, 'AWS Systems Manager');
      assert.equal(ssm.insertText, 'ssm:');
      assert.equal(ssm.retrigger, true);
      assert.equal(accept(at, ssm), '{"Statement":[{"Action":["ssm:"]}]}');
      assert.ok(labels(at).includes('ec2messages'));
      assert.ok(at.items.length > 300);
    });
    it('does not add a second colon when the action already has one', async () => {
      const at = await complete('{"Statement":[{"Action":"s|sm:SendCommand"}]}');
      const ssm = item(at, 'ssm');
      assert.equal(ssm.insertText, 'ssm');
      assert.equal(ssm.retrigger, false);
      assert.equal(accept(at, ssm), '{"Statement":[{"Action":"ssm:SendCommand"}]}');
    });
    it('offers nothing for an unknown service, on the quotes, or outside a string', async () => {
      assert.deepEqual(labels(await complete('{"Statement":[{"Action":"nosuchservice:|"}]}')), []);
      assert.deepEqual(labels(await complete('{"Statement":[{"Action":|"ssm:X"}]}')), []);
      assert.deepEqual(labels(await complete('{"Statement":[{"Action":"ssm:X"|}]}')), []);
      assert.deepEqual(labels(await complete('{"Statement":[{"Action":|}]}')), []);
    });
  });

  describe('under Condition', () => {
    it('offers operators as keys, in the string or with quotes and a block', async () => {
      const quoted = await complete('{"Statement":[{"Action":"ssm:SendCommand","Condition":{"Str|"}}]}');
      const eq = item(quoted, 'StringEquals');
      assert.equal(eq.kind, 'operator');
      assert.equal(eq.detail, 'String condition operator');
      assert.equal(replaced(quoted, eq), 'Str');
      assert.equal(eq.insertText, 'StringEquals');
      assert.ok(labels(quoted).includes('ForAnyValue:StringLike'));
      assert.ok(labels(quoted).includes('ArnLikeIfExists'));
      assert.ok(labels(quoted).includes('Null'));
      assert.ok(!labels(quoted).includes('NullIfExists'));
      // Plain operators sort before IfExists, and those before set operators.
      assert.ok((eq.sortText ?? '') < (item(quoted, 'StringEqualsIfExists').sortText ?? ''));
      assert.ok((item(quoted, 'StringEqualsIfExists').sortText ?? '') < (item(quoted, 'ForAllValues:StringEquals').sortText ?? ''));
      const bare = await complete('{"Statement":[{"Action":"ssm:SendCommand","Condition":{|}}]}');
      const bool = item(bare, 'Bool');
      assert.equal(bool.snippet, true);
      assert.equal(bool.insertText, '"Bool": {$1}');
      assert.deepEqual(bool.range, { offset: bare.offset, length: 0 });
    });
    it('offers the condition keys of the statement\'s actions first, then global keys', async () => {
      const at = await complete('{"Statement":[{"Action":"ssm:SendCommand","Condition":{"StringEquals":{"|"}}}]}');
      const tag = item(at, 'ssm:resourceTag/${TagKey}');
      assert.equal(tag.kind, 'conditionKey');
      assert.match(tag.detail ?? '', /^String · used by this statement's actions$/);
      assert.equal(tag.snippet, true);
      assert.equal(tag.insertText, 'ssm:resourceTag/${1:TagKey}');
      // Keys of the resource types the action acts on (document) count as the action's keys.
      assert.equal(item(at, 'ssm:DocumentCategories').detail, 'ArrayOfString · used by this statement\'s actions');
      const ip = item(at, 'aws:SourceIp');
      assert.equal(ip.detail, 'IPAddress · global');
      assert.match(ip.documentation ?? '', /The IP address the request came from/);
      assert.ok((tag.sortText ?? '') < (ip.sortText ?? ''));
      // Keys of other ssm actions are not offered for SendCommand.
      assert.ok(!labels(at).includes('ssm:SessionDocumentAccessCheck'));
      // A global tag key is offered once, in one spelling.
      assert.equal(at.items.filter((i) => /^aws:ResourceTag\//i.test(i.label)).length, 1);
    });
    it('offers every key of the services named when the actions are open (wildcards, NotAction)', async () => {
      const star = await complete('{"Statement":[{"NotAction":"ssm:SendCommand","Condition":{"Bool":{"|"}}}]}');
      assert.ok(labels(star).includes('ssm:SessionDocumentAccessCheck'));
      const startSession = await complete('{"Statement":[{"Action":"ssm:StartSession","Condition":{"Bool":{"ssm:|"}}}]}');
      assert.ok(labels(startSession).includes('ssm:SessionDocumentAccessCheck'));
    });
    it('offers the keys of a service typed in the key', async () => {
      const at = await complete('{"Statement":[{"Action":"ssm:SendCommand","Condition":{"StringEquals":{"ec2:|"}}}]}');
      const keyOfEc2 = at.items.find((i) => i.label.startsWith('ec2:') && i.label !== 'ec2:SourceInstanceArn');
      assert.ok(keyOfEc2, 'an ec2 key');
      assert.equal(replaced(at, keyOfEc2), 'ec2:');
    });
    it('inserts a quoted key and its value outside a string', async () => {
      const at = await complete('{"Statement":[{"Action":"ssm:SendCommand","Condition":{"StringEquals":{|}}}]}');
      assert.equal(item(at, 'ssm:DocumentType').insertText, '"ssm:DocumentType": "$1"');
      assert.equal(item(at, 'ssm:resourceTag/${TagKey}').insertText, '"ssm:resourceTag/${1:TagKey}": "$2"');
      assert.ok(at.items.every((i) => i.snippet));
    });
    it('offers global keys when the statement has no actions, and nothing under a value', async () => {
      const none = await complete('{"Statement":[{"Effect":"Deny","Condition":{"Bool":{"|"}}}]}');
      assert.ok(labels(none).includes('aws:SecureTransport'));
      assert.ok(none.items.every((i) => i.label.startsWith('aws:') || i.label.includes(':')));
      assert.deepEqual(labels(await complete('{"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"|"}}}]}')), []);
    });
    it('offers service principals as the values of iam:PassedToService', async () => {
      const at = await complete('{"Statement":[{"Action":"iam:PassRole","Condition":{"StringEquals":{"iam:PassedToService":"|"}}}]}');
      assert.ok(labels(at).includes('ssm.amazonaws.com'));
    });
  });

  describe('service principals', () => {
    it('offers service principals under Principal.Service', async () => {
      const at = await complete('{"Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","ss|"]},"Action":"sts:AssumeRole"}]}');
      const ssm = item(at, 'ssm.amazonaws.com');
      assert.equal(ssm.kind, 'servicePrincipal');
      assert.equal(ssm.detail, 'AWS Systems Manager');
      assert.equal(replaced(at, ssm), 'ss');
      assert.ok(labels(at).includes('alexa-appkit.amazon.com'));
      assert.deepEqual(labels(await complete('{"Statement":[{"Principal":{"AWS":"|"}}]}')), []);
    });
  });

  describe('ARN fields', () => {
    it('offers partitions after "arn:", with the colon', async () => {
      const at = await complete('{"Statement":[{"Resource":"arn:|"}]}');
      const aws = item(at, 'aws');
      assert.equal(aws.kind, 'partition');
      assert.equal(aws.insertText, 'aws:');
      assert.equal(aws.retrigger, true);
      assert.ok(labels(at).includes('aws-cn'));
    });
    it('offers services in the service field', async () => {
      const at = await complete('{"Statement":[{"Resource":"arn:aws:s|"}]}');
      assert.equal(item(at, 'ssm').insertText, 'ssm:');
      assert.equal(replaced(at, item(at, 'ssm')), 's');
    });
    it('offers the Regions of the ARN\'s partition in the Region field', async () => {
      const at = await complete('{"Statement":[{"Resource":"arn:aws:ssm:|"}]}');
      const region = item(at, 'us-east-2');
      assert.equal(region.kind, 'region');
      assert.equal(region.insertText, 'us-east-2:');
      assert.ok(!labels(at).includes('cn-north-1'));
      const cn = await complete('{"Statement":[{"Resource":"arn:aws-cn:ssm:c|:123456789012:document/x"}]}');
      assert.deepEqual(labels(cn).sort(), ['cn-north-1', 'cn-northwest-1']);
      const i = item(cn, 'cn-north-1');
      assert.equal(i.insertText, 'cn-north-1');
      assert.equal(replaced(cn, i), 'c');
      assert.equal(accept(cn, i), '{"Statement":[{"Resource":"arn:aws-cn:ssm:cn-north-1:123456789012:document/x"}]}');
    });
    it('offers no Region for services whose ARNs have none, and every Region for an unknown partition', async () => {
      assert.deepEqual(labels(await complete('{"Statement":[{"Resource":"arn:aws:iam:|"}]}')), []);
      const any = await complete('{"Statement":[{"Resource":"arn:*:ssm:|"}]}');
      assert.ok(labels(any).includes('us-gov-west-1') && labels(any).includes('eu-west-1'));
    });
    it('offers resource types as snippets in the resource field', async () => {
      const at = await complete('{"Statement":[{"Resource":"arn:aws:ssm:us-east-1:123456789012:|"}]}');
      const doc = item(at, 'document/${DocumentName}');
      assert.equal(doc.kind, 'resourceType');
      assert.equal(doc.detail, 'document');
      assert.equal(doc.insertText, 'document/${1:DocumentName}');
      assert.equal(doc.snippet, true);
      // Only ssm's own ARNs: its list also holds ec2 instances and s3 buckets.
      assert.ok(!labels(at).some((l) => l.startsWith('instance/')));
      assert.ok(!at.items.some((i) => i.kind === 'serviceSetting'));
    });
    it('offers service setting ids inside a servicesetting ARN', async () => {
      const at = await complete('{"Statement":[{"Action":"ssm:UpdateServiceSetting","Resource":"arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/par|"}]}');
      const tier = item(at, '/ssm/parameter-store/default-parameter-tier');
      assert.equal(tier.kind, 'serviceSetting');
      assert.equal(tier.detail, 'Standard | Advanced | Intelligent-Tiering');
      assert.match(tier.documentation ?? '', /\*\*Default:\*\* `Standard`/);
      assert.equal(replaced(at, tier), 'servicesetting/ssm/par');
      assert.equal(
        accept(at, tier),
        '{"Statement":[{"Action":"ssm:UpdateServiceSetting","Resource":"arn:aws:ssm:us-east-1:123456789012:servicesetting/ssm/parameter-store/default-parameter-tier"}]}',
      );
      assert.ok(labels(at).includes('/ssm/managed-instance/default-ec2-instance-management-role'));
    });
    it('completes ARNs in condition values and principals too', async () => {
      assert.ok(labels(await complete('{"Statement":[{"Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:ssm:|"}}}]}')).includes('eu-west-1'));
      assert.ok(labels(await complete('{"Statement":[{"Principal":{"AWS":"arn:|"}}]}')).includes('aws'));
    });
    it('offers nothing in the account field', async () => {
      assert.deepEqual(labels(await complete('{"Statement":[{"Resource":"arn:aws:ssm:us-east-1:|"}]}')), []);
    });
  });

  describe('elsewhere', () => {
    for (const marked of [
      '{"Version":"|"}',
      '{"Statement":[{"Effect":"|"}]}',
      '{"Statement":[{"Sid":"|"}]}',
      '{"Statement":[{"|"}]}',
      '{"|"}',
      '{"Statement":[{"Resource":"|"}]}',
      '|',
      '{"Statement":[{"Condition":{"StringEquals":{"a":{"|"}}}}]}',
    ]) {
      it(`offers nothing at ${marked}`, async () => {
        assert.deepEqual(labels(await complete(marked)), []);
      });
    }
  });

  it('keeps every range on the cursor', async () => {
    for (const marked of [
      '{"Statement":[{"Action":"ssm:Se|"}]}',
      '{"Statement":[{"Action":"s|"}]}',
      '{"Statement":[{"Action":"ssm:SendCommand","Condition":{"StringEquals":{"aws:|"}}}]}',
      '{"Statement":[{"Resource":"arn:aws:ssm:us-east-1:123456789012:servicesetting/|"}]}',
    ]) {
      const at = await complete(marked);
      assert.ok(at.items.length > 0, marked);
      for (const i of at.items) assert.ok(i.range.offset <= at.offset && at.offset <= i.range.offset + i.range.length, `${marked} ${i.label}`);
    }
  });

  it('offers nothing in a document over the editor limit, which it would parse whole on every keystroke', async () => {
    const below = await complete('{"Statement": [{"Effect": "Allow", "Action": "ssm:Send|"}]}');
    assert.ok(below.items.length > 0, 'completions below the limit');
    const padded = below.text + ' '.repeat(MAX_EDITOR_TEXT_LENGTH);
    assert.deepEqual(await getCompletions(padded, below.offset, { iam }), []);
  });
});
