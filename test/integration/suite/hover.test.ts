import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoversAt, hoverText, languageFixture, ourHover, positionOf } from './language-helpers';

describe('hover', function () {
  this.timeout(60_000);
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await vscode.workspace.openTextDocument(languageFixture('hover.policy.json'));
  });

  it('describes an action with its access level, resource types, condition keys and reference page', async () => {
    const position = positionOf(doc, '"ssm:SendCommand"', 6);
    const { hover, text } = await ourHover(doc.uri, position, /\*\*ssm:SendCommand\*\*/);
    assert.match(text, /AWS Systems Manager/);
    assert.match(text, /\*\*Access level:\*\* Write/);
    assert.match(text, /`document` \* \| `arn:\$\{Partition\}:ssm:\$\{Region\}:\$\{Account\}:document\/\$\{DocumentName\}`/);
    assert.match(text, /`ssm:resourceTag\/\$\{TagKey\}`/);
    assert.match(text, /list_awssystemsmanager\.html#awssystemsmanager-actions-as-permissions/);
    const start = doc.getText().indexOf('"ssm:SendCommand"');
    assert.ok(hover.range, 'the hover has a range');
    assert.deepEqual(
      [doc.offsetAt(hover.range.start), doc.offsetAt(hover.range.end)],
      [start, start + '"ssm:SendCommand"'.length],
    );
  });

  it('counts and lists the actions a wildcard matches', async () => {
    const { text } = await ourHover(doc.uri, positionOf(doc, '"ssm:Get*"', 3), /Matches \d+ actions of AWS Systems Manager/);
    assert.match(text, /- `ssm:GetDocument` \(Read\)/);
    assert.match(text, /… and \d+ more/);
  });

  it('describes a service condition key and a global one', async () => {
    const service = await ourHover(doc.uri, positionOf(doc, '"ssm:resourceTag/Env"', 4), /ssm:resourceTag\/\$\{TagKey\}/);
    assert.match(service.text, /· String/);
    assert.match(service.text, /Condition key of AWS Systems Manager/);
    const global = await ourHover(doc.uri, positionOf(doc, '"aws:RequestedRegion"', 4), /\*\*`aws:RequestedRegion`\*\*/);
    assert.match(global.text, /The AWS Region the request is sent to/);
    assert.match(global.text, /#condition-keys-requestedregion/);
  });

  it('splits an ARN and explains the empty account of an AWS-owned document', async () => {
    const { text } = await ourHover(doc.uri, positionOf(doc, 'AWS-RunShellScript', 2), /\*\*ARN\*\*/);
    assert.match(text, /\| Partition \| `aws` \| AWS \|/);
    assert.match(text, /\| Region \| `us-east-1` \| Region of AWS \|/);
    assert.match(text, /empty: SSM documents that AWS owns \(AWS-…\) have no account/);
    assert.match(text, /\| Resource \| `document\/AWS-RunShellScript` \| `document` \|/);
  });

  it('tells what a service setting controls and its allowed values', async () => {
    const { text } = await ourHover(doc.uri, positionOf(doc, 'default-parameter-tier', 3), /\*\*Service setting\*\* `\/ssm\/parameter-store\/default-parameter-tier`/);
    assert.match(text, /\*\*Allowed values:\*\* `Standard`, `Advanced`, `Intelligent-Tiering`/);
  });

  it('describes operators in policies found by content (the extension, or the JSON schema once it applies)', async () => {
    const content = await vscode.workspace.openTextDocument(languageFixture('content-detected.json'));
    const { text } = await ourHover(content.uri, positionOf(content, '"StringEquals"', 3), /\*\*StringEquals\*\*: The value of the condition key equals/);
    assert.match(text, /Conditions_String/);
    const principal = await ourHover(content.uri, positionOf(content, '"ssm.amazonaws.com"', 3), /service principal of AWS Systems Manager/);
    assert.ok(principal.hover.range);
    const key = await ourHover(content.uri, positionOf(content, 'aws:SourceAccount', 2), /\*\*`aws:SourceAccount`\*\*/);
    assert.match(key.text, /confused-deputy/);
  });

  it('stays silent in JSON files that are not policies, and on plain values', async () => {
    const other = await vscode.workspace.openTextDocument(languageFixture('deployment-notes.json'));
    const hovers = await hoversAt(other.uri, positionOf(other, 'ssm:SendCommand', 2));
    assert.ok(!hovers.some((h) => /Access level/.test(hoverText(h))), JSON.stringify(hovers.map(hoverText)));
    const onSid = await hoversAt(doc.uri, positionOf(doc, 'RunShellOnProductionNodes', 3));
    assert.ok(!onSid.some((h) => /\*\*ARN\*\*|Access level|Condition key/.test(hoverText(h))));
  });
});
