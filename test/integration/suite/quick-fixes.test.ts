import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, disableAutoSave, fixture, openInEditor, ours, revertAll, summary, waitForDiagnostics, waitForSummary } from './diagnostics-helpers';

const FIX_ALL_TITLE = 'Fix all SSM policy problems in file';

interface FixCase {
  rule: string;
  file: string;
  /** A fix (preferred, applied by "Fix all") or a suggestion (offered alone, never applied in bulk). */
  kind: 'fix' | 'suggestion';
  title: string;
  /** The document text after the quick fix. */
  output: string;
}

/** One fixture per rule under diagnostics/fixes/, each with that rule's finding only, and its fix or suggestion. */
const CASES: FixCase[] = [
  {
    rule: 'version-missing',
    file: 'version-missing.policy.json',
    kind: 'fix',
    title: 'Add "Version": "2012-10-17"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ssm:DescribeInstanceInformation",
      "Resource": "*"
    }
  ]
}
`,
  },
  {
    rule: 'effect-value',
    file: 'effect-value.policy.json',
    kind: 'fix',
    title: 'Change Effect to "Deny"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Action": "ssm:DeleteDocument",
      "Resource": "*"
    }
  ]
}
`,
  },
  {
    rule: 'condition-wildcard-in-equals',
    file: 'condition-wildcard-in-equals.policy.json',
    kind: 'suggestion',
    title: 'Change StringEquals to StringLike',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ssm:SendCommand",
      "Resource": "arn:aws:ec2:us-east-1:210987654321:instance/*",
      "Condition": {
        "StringLike": {
          "ssm:resourceTag/Team": "ops-*"
        }
      }
    }
  ]
}
`,
  },
  {
    rule: 'action-unknown',
    file: 'action-unknown.policy.json',
    kind: 'suggestion',
    title: 'Change the action to "ssm:StartSession"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:StartSession",
        "ssm:TerminateSession"
      ],
      "Resource": "*"
    }
  ]
}
`,
  },
  {
    rule: 'condition-operator-unknown',
    file: 'condition-operator-unknown.policy.json',
    kind: 'suggestion',
    title: 'Change the operator to "StringEquals"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ssm:StartSession",
      "Resource": "arn:aws:ec2:us-east-1:210987654321:instance/*",
      "Condition": {
        "StringEquals": {
          "aws:ResourceTag/Environment": "dev"
        }
      }
    }
  ]
}
`,
  },
  {
    rule: 'principal-service',
    file: 'principal-service.trust.json',
    kind: 'suggestion',
    title: 'Change the service principal to "ssm.amazonaws.com"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Service": "ssm.amazonaws.com"
      },
      "Action": "sts:AssumeRole"
    }
  ]
}
`,
  },
  {
    rule: 'ssm-service-setting-id',
    file: 'ssm-service-setting-id.policy.json',
    kind: 'suggestion',
    title: 'Change the ARN to "arn:aws:ssm:us-east-1:210987654321:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:GetServiceSetting",
        "ssm:UpdateServiceSetting"
      ],
      "Resource": "arn:aws:ssm:us-east-1:210987654321:servicesetting/ssm/managed-instance/default-ec2-instance-management-role"
    }
  ]
}
`,
  },
  {
    rule: 'ssm-dhmc-role-path',
    file: 'ssm-dhmc-role-path.policy.json',
    kind: 'suggestion',
    title: 'Add the /service-role/ path to the role ARN',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::210987654321:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "ssm.amazonaws.com"
        }
      }
    }
  ]
}
`,
  },
  {
    rule: 'passrole-no-passed-to-service',
    file: 'passrole-no-passed-to-service.policy.json',
    kind: 'suggestion',
    title: 'Add an iam:PassedToService condition for ssm.amazonaws.com',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::210987654321:role/MaintenanceWindowRole",
      "Condition": {
        "StringEquals": {
          "iam:PassedToService": "ssm.amazonaws.com"
        }
      }
    }
  ]
}
`,
  },
  {
    rule: 'ssm-session-manager-channels',
    file: 'ssm-session-manager-channels.policy.json',
    kind: 'suggestion',
    title: 'Add ssmmessages:CreateDataChannel, ssmmessages:OpenDataChannel to this statement',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenDataChannel"
      ],
      "Resource": "*"
    }
  ]
}
`,
  },
  {
    rule: 'ssm-document-account',
    file: 'ssm-document-account.policy.json',
    kind: 'suggestion',
    title: 'Remove the account from the ARN of the AWS-owned document AWS-RunShellScript',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ssm:SendCommand",
      "Resource": [
        "arn:aws:ssm:us-east-1::document/AWS-RunShellScript",
        "arn:aws:ec2:us-east-1:210987654321:instance/*"
      ]
    }
  ]
}
`,
  },
  {
    rule: 'json-comments',
    file: 'json-comments.policy.json',
    kind: 'fix',
    title: 'Remove the comment',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "ssm:DescribeParameters",
      "Resource": "*"
    }
  ]
}
`,
  },
  {
    rule: 'json-trailing-comma',
    file: 'json-trailing-comma.policy.json',
    kind: 'fix',
    title: 'Remove the trailing comma',
    output: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:DescribeParameters",
        "ssm:ListDocuments"
      ],
      "Resource": "*"
    }
  ]
}
`,
  },
];

/**
 * fix-all.policy.json after "Fix all": the fixes of its six diagnostics (Version, the Effect's case, the trailing
 * comma), none of the suggestions (the action's spelling, the document's account, StringLike), which change meaning.
 */
const FIX_ALL_OUTPUT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:StartSesion",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:OpenControlChannel"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "ssm:SendCommand",
      "Resource": "arn:aws:ssm:us-east-1:210987654321:document/AWS-RunPowerShellScript",
      "Condition": {
        "StringEquals": {
          "ssm:resourceTag/Team": "ops-*"
        }
      }
    }
  ]
}
`;

/**
 * The findings of FIX_ALL_OUTPUT: the three with suggestions, and the missing channel actions that the Effect's fix
 * brings to light (a suggestion too: adding actions grants more).
 */
const FIX_ALL_REMAINING = [
  'action-unknown warning 6:8-6:25',
  'condition-wildcard-in-equals warning 18:34-18:41',
  'ssm-document-account warning 15:18-15:87',
  'ssm-session-manager-channels warning 5:16-9:7',
];

function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

async function apply(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'the action carries an edit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
}

describe('policy quick fixes', () => {
  let restoreAutoSave: () => Promise<void> = async () => undefined;

  before(async () => {
    restoreAutoSave = await disableAutoSave();
  });

  afterEach(async () => {
    await revertAll();
  });

  after(async () => {
    await restoreAutoSave();
  });

  for (const c of CASES) {
    it(`${c.kind === 'fix' ? 'fixes' : 'suggests a change for'} ${c.rule}`, async () => {
      const uri = fixture('fixes', c.file);
      const doc = await openInEditor(uri);
      const [diagnostic] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === c.rule), `a ${c.rule} diagnostic`);
      assert.ok(diagnostic);
      assert.deepEqual(
        summary(ours(uri)).map((s) => s.split(' ')[0]),
        [c.rule],
        'the fixture has exactly the finding under test',
      );
      const actions = await codeActions(uri, diagnostic.range);
      const quickFixes = actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      // A suggestion is never bundled into "Fix all": a file with only a suggestion offers it alone.
      assert.deepEqual(
        quickFixes.map((a) => a.title),
        c.kind === 'fix' ? [c.title, FIX_ALL_TITLE] : [c.title],
      );
      const fix = quickFixes[0];
      assert.equal(fix?.isPreferred ?? false, c.kind === 'fix', 'only a fix is the preferred action');
      await apply(fix);
      assert.equal(doc.getText(), c.output);
      await waitForDiagnostics(uri, (d) => !d.some((x) => codeOf(x) === c.rule), `the ${c.rule} diagnostic to go`);
    });
  }

  it('offers no quick fix where there is no fixable finding', async () => {
    const uri = fixture('fixes', 'version-missing.policy.json');
    await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.length === 1, 'the version-missing diagnostic');
    // "Resource" on line 5 has no diagnostic of ours.
    const actions = await codeActions(uri, new vscode.Range(5, 8, 5, 18));
    assert.deepEqual(
      actions.filter((a) => a.kind?.value.startsWith('quickfix')).map((a) => a.title),
      [],
    );
  });

  it('applies the fixes, not the suggestions, of a file with "Fix all", offered as a quick fix', async () => {
    const uri = fixture('fixes', 'fix-all.policy.json');
    const doc = await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.length === 6, 'the six findings of fix-all.policy.json');
    const effect = ours(uri).find((d) => codeOf(d) === 'effect-value');
    assert.ok(effect);
    const actions = await codeActions(uri, effect.range);
    assert.deepEqual(
      actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value).map((a) => a.title),
      ['Change Effect to "Allow"', FIX_ALL_TITLE],
    );
    await apply(actions.find((a) => a.title === FIX_ALL_TITLE));
    assert.equal(doc.getText(), FIX_ALL_OUTPUT);
    // What is left has suggestions only: the valid Allow statement now shows the channel actions it lacks.
    await waitForSummary(uri, FIX_ALL_REMAINING, 'only the findings without a fix');
    const remaining = ours(uri);
    for (const d of remaining) {
      const offered = (await codeActions(uri, d.range)).filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.ok(offered.length > 0 && offered.every((a) => a.title !== FIX_ALL_TITLE && !a.isPreferred), `${codeOf(d)}: suggestions only`);
    }
  });

  it('leaves the fixes of a rule turned off in ssmPolicy.rules out of "Fix all"', async () => {
    const settings = vscode.workspace.getConfiguration('ssmPolicy');
    await settings.update('rules', { 'effect-value': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      const uri = fixture('fixes', 'fix-all.policy.json');
      const doc = await openInEditor(uri);
      await waitForDiagnostics(uri, (d) => d.length === 5 && !d.some((x) => codeOf(x) === 'effect-value'), 'the findings without effect-value');
      const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
      await apply(actions.find((a) => a.kind?.value === 'source.fixAll.ssmPolicy'));
      assert.equal(doc.getText(), FIX_ALL_OUTPUT.replace('"Effect": "Allow",\n      "Action": [', '"Effect": "allow",\n      "Action": ['));
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('offers "Fix all" as a source.fixAll action (what editor.codeActionsOnSave runs)', async () => {
    const uri = fixture('fixes', 'fix-all.policy.json');
    const doc = await openInEditor(uri);
    await waitForDiagnostics(uri, (d) => d.length === 6, 'the six findings of fix-all.policy.json');
    const actions = await codeActions(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.ssmPolicy');
    assert.deepEqual(
      fixAll.map((a) => a.title),
      [FIX_ALL_TITLE],
    );
    await apply(fixAll[0]);
    assert.equal(doc.getText(), FIX_ALL_OUTPUT);
  });
});
