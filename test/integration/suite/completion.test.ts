import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionsAt, insertedText, itemNamed, labelOf, languageFixture, positionOf, replacedRange } from './language-helpers';

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

  it('offers condition operators in a policy found by its content', async () => {
    const untitled = await vscode.workspace.openTextDocument({
      language: 'json',
      content: '{\n  "Statement": [\n    { "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*", "Condition": { "" } }\n  ]\n}\n',
    });
    const position = positionOf(untitled, '{ "" }', 3);
    const items = await completionsAt(untitled.uri, position, '"');
    const op = itemNamed(items, 'StringEquals', vscode.CompletionItemKind.Operator);
    assert.equal(op.detail, 'String condition operator');
    itemNamed(items, 'ForAnyValue:StringLike', vscode.CompletionItemKind.Operator);
  });

  it('offers nothing of ours in a JSON file that is not a policy', async () => {
    const other = await vscode.workspace.openTextDocument(languageFixture('deployment-notes.json'));
    const items = await completionsAt(other.uri, positionOf(other, '"ssm:', 5), ':');
    assert.ok(!items.some((i) => labelOf(i) === 'SendCommand'), 'no action items');
  });
});
