import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi, TestApi } from '../../../src/extension-api';
import { completionsAt, insertedText, itemNamed, labelOf, languageFixture, positionOf, replacedRange } from './language-helpers';

const EXTENSION_ID = 'ssm-policy-studio.ssm-policy-studio';

describe('completion', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument(languageFixture('completion.policy.json'));
  });

  it('offers the actions of a service after "ssm:" with their access level', async () => {
    const position = positionOf(doc, '"ssm:"', 5);
    const items = await completionsAt(doc.uri, position, ':');
    const send = itemNamed(items, 'SendCommand', vscode.CompletionItemKind.Function);
    assert.equal(send.detail, 'Write');
    assert.equal(itemNamed(items, 'GetParameter', vscode.CompletionItemKind.Function).detail, 'Read');
    const doc2 = send.documentation;
    assert.ok(doc2 instanceof vscode.MarkdownString && /\*\*Access level:\*\* Write/.test(doc2.value));
    const range = replacedRange(send);
    assert.ok(range && range.isEmpty && range.start.isEqual(position), 'inserts at the cursor after the colon');
  });

  it('offers service prefixes before the colon and re-opens completion after inserting one', async () => {
    const position = positionOf(doc, '"ec"', 3);
    const items = await completionsAt(doc.uri, position);
    const ec2 = itemNamed(items, 'ec2', vscode.CompletionItemKind.Module);
    assert.equal(ec2.detail, 'Amazon EC2');
    assert.equal(insertedText(ec2), 'ec2:');
    assert.equal(ec2.command?.command, 'editor.action.triggerSuggest');
    const range = replacedRange(ec2);
    assert.ok(range);
    assert.equal(doc.getText(range), 'ec');
  });

  it('offers Region codes in the Region field of an ARN', async () => {
    const items = await completionsAt(doc.uri, positionOf(doc, '"arn:aws:ssm:"', 13), ':');
    const region = itemNamed(items, 'eu-west-1', vscode.CompletionItemKind.EnumMember);
    assert.equal(insertedText(region), 'eu-west-1:');
    assert.ok(!items.some((i) => labelOf(i) === 'cn-north-1'), 'only Regions of the aws partition');
  });

  it('offers service setting ids inside a servicesetting ARN', async () => {
    const position = positionOf(doc, 'servicesetting/ssm/"', 'servicesetting/ssm/'.length);
    const items = await completionsAt(doc.uri, position);
    const dhmc = itemNamed(items, '/ssm/managed-instance/default-ec2-instance-management-role', vscode.CompletionItemKind.Value);
    assert.equal(insertedText(dhmc), 'servicesetting/ssm/managed-instance/default-ec2-instance-management-role');
    const range = replacedRange(dhmc);
    assert.ok(range);
    assert.equal(doc.getText(range), 'servicesetting/ssm/');
    assert.equal(itemNamed(items, '/ssm/parameter-store/default-parameter-tier').detail, 'Standard | Advanced | Intelligent-Tiering');
  });

  it('offers the condition keys of the statement\'s actions, then global keys', async () => {
    const items = await completionsAt(doc.uri, positionOf(doc, '"": "prod"', 1), '"');
    const ours = items.filter((i) => i.kind === vscode.CompletionItemKind.Property);
    const tag = itemNamed(ours, 'ssm:resourceTag/${TagKey}');
    assert.ok(tag.insertText instanceof vscode.SnippetString);
    assert.equal(insertedText(tag), 'ssm:resourceTag/${1:TagKey}');
    assert.match(String(tag.detail), /used by this statement's actions/);
    assert.match(String(itemNamed(ours, 'aws:SourceIp').detail), /IPAddress · global/);
  });

  it('offers service principals under Principal.Service', async () => {
    const items = await completionsAt(doc.uri, positionOf(doc, '"Service": ""', '"Service": "'.length), '"');
    const ssm = itemNamed(items, 'ssm.amazonaws.com', vscode.CompletionItemKind.Value);
    assert.equal(ssm.detail, 'AWS Systems Manager');
    itemNamed(items, 'ec2.amazonaws.com');
  });

  describe('condition operators in a policy found by its content', () => {
    const content = '{\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*", "Condition": { "" } }\n  ]\n}\n';
    let api: TestApi;

    before(async () => {
      const exported = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as ExtensionApi | undefined;
      assert.ok(exported?.schemas, 'activate() returns the test API in extension mode Test');
      api = exported as TestApi;
    });

    it('are the extension\'s own where no schema applies', async () => {
      const settingsMode = api.schemas.useSettings();
      try {
        const untitled = await vscode.workspace.openTextDocument({ language: 'json', content });
        const items = await completionsAt(untitled.uri, positionOf(untitled, '{ "" }', 3), '"');
        const op = itemNamed(items, 'StringEquals', vscode.CompletionItemKind.Operator);
        assert.equal(op.detail, 'String condition operator');
        itemNamed(items, 'ForAnyValue:StringLike', vscode.CompletionItemKind.Operator);
      } finally {
        settingsMode.dispose();
      }
    });

    it('come once, from the schema, once the document has it', async () => {
      // A file: an untitled document has no path a schema association could name.
      const file = await vscode.workspace.openTextDocument(languageFixture('operators-by-content.json'));
      assert.equal(file.getText(), content);
      const started = Date.now();
      // The schema reaches the JSON language features through the registry they read after a change (no event).
      while (!api.schemas.served(file.uri)) {
        assert.ok(Date.now() - started < 20_000, 'the document is given the schema');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const items = await completionsAt(file.uri, positionOf(file, '{ "" }', 3), '"');
      for (const name of ['StringEquals', 'ForAnyValue:StringLike']) {
        assert.equal(items.filter((i) => labelOf(i).replace(/"/g, '') === name).length, 1, `${name} once; got ${items.map(labelOf).join(', ')}`);
      }
    });
  });

  it('offers nothing of ours in a JSON file that is not a policy', async () => {
    const other = await vscode.workspace.openTextDocument(languageFixture('deployment-notes.json'));
    const items = await completionsAt(other.uri, positionOf(other, '"ssm:', 5), ':');
    assert.ok(!items.some((i) => labelOf(i) === 'SendCommand'), 'no action items');
  });
});
