import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';
import { fakeIo, reportedFiles, WARN_ONLY, workspace } from './helpers';

const CFN = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ParameterArn:
    Type: String
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: ec2.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: p
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: allow
                Action: ssm:GetParameter
                Resource: !Ref ParameterArn
`;

const TF = `resource "aws_iam_role_policy" "p" {
  role = "r"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "allow", Action = "ssm:GetParameter", Resource = var.parameter_arn }]
  })
}
`;

/** CDK output: minified JSON, Fn::Join ARNs. */
const CDK = JSON.stringify({
  Resources: {
    RoleDefaultPolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'ssm:GetParamter', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':parameter/app']] } }],
        },
        PolicyName: 'p',
        Roles: [{ Ref: 'Role' }],
      },
    },
  },
});

interface JsonRecord {
  file: string;
  ruleId: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
}

describe('cli: templates', () => {
  it('finds the policies of CloudFormation, Terraform and CDK output in a folder, and reports each at its place in the file', async () => {
    const dir = workspace({ 'stack.yaml': CFN, 'main.tf': TF, 'cdk.out/App.template.json': CDK, 'p.json': WARN_ONLY, 'notes.yaml': 'a: 1\n', '.terraform/modules/m/x.tf': TF });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', '.'], io), 1);
    // The policy beside them is linted as before; notes.yaml is no template; .terraform/ is Terraform's cache.
    assert.deepEqual(reportedFiles(io.out), ['cdk.out/App.template.json', 'main.tf', 'p.json', 'stack.yaml']);
    const records = (JSON.parse(io.out) as JsonRecord[]).filter((r) => r.file !== 'p.json');
    const at = (r: JsonRecord): string => `${r.file} ${r.ruleId} ${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character} ${r.fixable}`;
    assert.deepEqual(records.map(at).sort(), [
      `cdk.out/App.template.json action-unknown 0:${CDK.indexOf('"ssm:GetParamter"')}-0:${CDK.indexOf('"ssm:GetParamter"') + 17} false`,
      'main.tf effect-value 4:28-4:35 true',
      'stack.yaml effect-value 19:24-19:29 true',
    ]);
  });

  it('counts the values known only at deploy time in the summary, and per file with --verbose', async () => {
    const dir = workspace({ 'stack.yaml': CFN, 'main.tf': TF });
    const io = fakeIo(dir);
    assert.equal(await run(['--verbose', '.'], io), 1);
    assert.match(io.out, /\n2 values in templates are known only at deploy time \(a parameter, a reference, a Terraform expression\) and were not checked; --verbose counts them per file\.\n$/);
    assert.match(io.err, /^linted stack\.yaml: CloudFormation template by content .*; 2 policies, 1 value unknown offline$/m);
    assert.match(io.err, /^linted main\.tf: Terraform configuration by file name \(\.tf\); 1 policy, 1 value unknown offline$/m);
  });

  it('--fix rewrites only the literals of a template, in place', async () => {
    const dir = workspace({ 'stack.yaml': CFN, 'main.tf': TF });
    const io = fakeIo(dir);
    assert.equal(await run(['--fix', '.'], io), 0);
    assert.equal(readFileSync(join(dir, 'stack.yaml'), 'utf8'), CFN.replace('- Effect: allow', '- Effect: Allow'));
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), TF.replace('Effect = "allow"', 'Effect = "Allow"'));
  });

  it('reads a CloudFormation template from standard input, and a named YAML file that is not a template finds nothing', async () => {
    const dir = workspace({ 'values.yaml': 'replicas: 3\n' });
    const stdin = fakeIo(dir, CFN);
    assert.equal(await run(['--format', 'json', '-'], stdin), 1);
    assert.deepEqual((JSON.parse(stdin.out) as JsonRecord[]).map((r) => r.ruleId), ['effect-value']);
    const named = fakeIo(dir);
    assert.equal(await run(['values.yaml'], named), 0);
    assert.match(named.out, /^No problems in 1 file\.\n$/);
  });

  it('reports malformed YAML at its place and exits 1, not 2: the file was read', async () => {
    const dir = workspace({ 'stack.yaml': `${CFN}  Broken: [unclosed\n` });
    const io = fakeIo(dir);
    assert.equal(await run(['--format', 'json', '.'], io), 1);
    assert.ok((JSON.parse(io.out) as JsonRecord[]).some((r) => r.ruleId === 'template-syntax'), io.out);
  });
});
