import { strict as assert } from 'node:assert';
import { extractCloudFormation } from '../../../src/core/embedded/cloudformation';
import { resolvedPolicyAt, templateCompletions, templateHover } from '../../../src/core/embedded/language';
import { extractTerraform } from '../../../src/core/embedded/terraform';

const YAML = `Resources:
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
              - Effect: Allow
                Action: ssm:GetParam
                Resource: !Ref ParameterArn
`;

const TF = `resource "aws_iam_role_policy" "p" {
  role = "r"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:GetParameter", Resource = "arn:aws:ssm:us-east-1:210987654321:parameter/app" }]
  })
}
`;

const at = (text: string, needle: string, delta = 0): number => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};

describe('embedded policies: hover, completion and the policy under the cursor', () => {
  it('hovers an action inside a YAML policy, with the range of its scalar', async () => {
    const hover = await templateHover(extractCloudFormation(YAML), at(YAML, 'sts:AssumeRole', 5));
    assert.ok(hover);
    assert.match(hover.markdown, /sts:AssumeRole/);
    assert.equal(YAML.slice(hover.offset, hover.offset + hover.length), 'sts:AssumeRole');
  });

  it('hovers an action inside a Terraform jsonencode policy', async () => {
    const hover = await templateHover(await extractTerraform(TF), at(TF, 'ssm:GetParameter', 6));
    assert.ok(hover);
    assert.match(hover.markdown, /GetParameter/);
    assert.equal(TF.slice(hover.offset, hover.offset + hover.length), '"ssm:GetParameter"');
  });

  it('offers nothing outside a policy, nor inside a value known only at deploy time', async () => {
    const extracted = extractCloudFormation(YAML);
    assert.equal(await templateHover(extracted, at(YAML, 'AWS::IAM::Role', 3)), undefined);
    assert.deepEqual(await templateCompletions(extracted, at(YAML, 'ParameterArn', 3)), []);
  });

  it('completes an action inside a plain YAML scalar, replacing only characters of the scalar', async () => {
    const offset = at(YAML, 'ssm:GetParam', 'ssm:GetParam'.length);
    const items = await templateCompletions(extractCloudFormation(YAML), offset);
    const item = items.find((i) => i.label === 'GetParameter');
    assert.ok(item, items.map((i) => i.label).slice(0, 10).join(', '));
    assert.equal(YAML.slice(item.range.offset, item.range.offset + item.range.length), 'GetParam');
    assert.ok(items.every((i) => !i.snippet && !/["\\\\]/.test(i.insertText)));
  });

  it('gives the JSON of a policy whose values are all known, and names the value that blocks one that is not', () => {
    const extracted = extractCloudFormation(YAML);
    const trust = resolvedPolicyAt(extracted, at(YAML, 'sts:AssumeRole'));
    assert.ok(trust && !trust.blockedBy);
    assert.deepEqual(trust.json, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    assert.equal(trust.policy.kind, 'trust');
    const inline = resolvedPolicyAt(extracted, at(YAML, 'ssm:GetParam'));
    assert.ok(inline?.blockedBy);
    assert.equal(inline.blockedBy.text.includes('ParameterArn'), true);
    assert.equal(resolvedPolicyAt(extracted, at(YAML, 'PolicyName')), undefined);
  });
});
