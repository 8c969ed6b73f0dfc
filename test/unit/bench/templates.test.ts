import * as assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument, type Tags } from 'yaml';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { generateCloudFormation, generateTerraform } from '../../../bench/templates';

/** The short forms of CloudFormation's intrinsic functions, as yaml custom tags (a scalar, a sequence and a map each). */
const CFN_TAGS: Tags = ['Sub', 'Ref', 'GetAtt', 'Join', 'If', 'Equals', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'GetAZs', 'Not', 'And', 'Or', 'Condition'].flatMap((name) => [
  { tag: `!${name}`, resolve: (source: string) => source },
  { tag: `!${name}`, collection: 'seq' as const },
  { tag: `!${name}`, collection: 'map' as const },
]);

/** The types of a CloudFormation template's resources, by logical id, read with yaml. */
function cloudFormationResources(text: string): Map<string, string> {
  const doc = parseDocument(text, { customTags: CFN_TAGS, uniqueKeys: true });
  assert.deepEqual(doc.errors.map((e) => e.message), []);
  assert.deepEqual(doc.warnings.map((e) => e.message), [], 'every tag is one of CloudFormation');
  const resources = doc.get('Resources');
  assert.ok(isMap(resources));
  const out = new Map<string, string>();
  for (const pair of resources.items) {
    assert.ok(isScalar(pair.key) && isMap(pair.value));
    out.set(String(pair.key.value), String(pair.value.get('Type')));
  }
  return out;
}

let terraform: Promise<Parser> | undefined;
function terraformParser(): Promise<Parser> {
  terraform ??= (async () => {
    await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
    const parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')));
    return parser;
  })();
  return terraform;
}

/** `resource "aws_iam_role"` → `aws_iam_role`, `data "aws_iam_policy_document"` → `data.aws_iam_policy_document`. */
function blockType(block: Node): string | undefined {
  const kind = block.namedChildren[0]?.text;
  const label = block.namedChildren[1]?.text.replace(/^"|"$/g, '');
  if (kind === 'resource') return label;
  if (kind === 'data') return `data.${label}`;
  return undefined;
}

describe('bench/templates: the generated estates', () => {
  it('the CloudFormation template is valid YAML with the 500 resources it says, a fifth of them roles', () => {
    const generated = generateCloudFormation();
    const types = cloudFormationResources(generated.text);
    assert.equal(types.size, 500);
    assert.equal(generated.resources, 500);
    const counted: Record<string, number> = {};
    for (const type of types.values()) counted[type] = (counted[type] ?? 0) + 1;
    assert.deepEqual(counted, generated.counts);
    assert.equal(counted['AWS::IAM::Role'], 100);
    for (const type of ['AWS::IAM::ManagedPolicy', 'AWS::IAM::InstanceProfile', 'AWS::S3::BucketPolicy', 'AWS::KMS::Key', 'AWS::EC2::Instance', 'AWS::SSM::Parameter', 'AWS::SSM::Association', 'AWS::S3::Bucket', 'AWS::Logs::LogGroup']) {
      assert.ok((counted[type] ?? 0) > 0, type);
    }
    // Every !Ref and !GetAtt names a parameter, a pseudo parameter or a resource of the template.
    const names = new Set([...types.keys(), 'LogBucket', 'Environment', 'SharedKeyArn']);
    for (const m of generated.text.matchAll(/!(?:Ref|GetAtt) '?([\w:]+?)(?:\.Arn)?'?(?=[\s,\]]|$)/gm)) {
      const name = m[1] as string;
      assert.ok(name.startsWith('AWS::') || names.has(name), m[0]);
    }
    assert.match(generated.text, /!Sub 'arn:\$\{AWS::Partition\}:s3:::\$\{LogBucket\}\/\*'/);
    assert.match(generated.text, /!Sub 'arn:\$\{AWS::Partition\}:ssm:\$\{AWS::Region\}:\$\{AWS::AccountId\}:parameter\/app\//);
  });

  it('is deterministic, and its size follows the option', () => {
    assert.equal(generateCloudFormation().text, generateCloudFormation().text);
    assert.notEqual(generateCloudFormation({ seed: 1 }).text, generateCloudFormation({ seed: 2 }).text);
    const small = generateCloudFormation({ resources: 60 });
    assert.equal(cloudFormationResources(small.text).size, 60);
    assert.equal(small.counts['AWS::IAM::Role'], 12);
    assert.throws(() => generateCloudFormation({ resources: 1 }));
  });

  it('the Terraform file parses without an error, with about 2,000 lines and the blocks it says', async () => {
    const generated = generateTerraform();
    assert.equal(generateTerraform().text, generated.text);
    const lines = generated.text.split('\n').length;
    assert.equal(lines, generated.lines);
    assert.ok(lines >= 2000 && lines < 2200, String(lines));
    const tree = (await terraformParser()).parse(generated.text);
    assert.ok(tree);
    try {
      assert.equal(tree.rootNode.hasError, false);
      const blocks = tree.rootNode.descendantsOfType('block').filter((b): b is Node => b !== null && b.parent?.parent?.type === 'config_file');
      const counted: Record<string, number> = {};
      for (const b of blocks) {
        const type = blockType(b);
        if (type) counted[type] = (counted[type] ?? 0) + 1;
      }
      assert.deepEqual(counted, generated.counts);
      assert.equal(Object.values(counted).reduce((a, b) => a + b, 0), generated.resources);
      for (const type of ['aws_iam_role', 'aws_iam_role_policy', 'data.aws_iam_policy_document', 'aws_s3_bucket_policy', 'aws_kms_key', 'aws_ssm_parameter', 'aws_instance']) {
        assert.ok((counted[type] ?? 0) > 0, type);
      }
      assert.match(generated.text, /<<EOF\n\{/);
      assert.match(generated.text, /jsonencode\(\{/);
      assert.match(generated.text, /\$\{data\.aws_caller_identity\.current\.account_id\}/);
    } finally {
      tree.delete();
    }
    assert.equal(generateTerraform({ lines: 300 }).text.split('\n').length < 450, true);
  });
});
