import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { BASE_OPERATORS, OPERATOR_NAMES } from '../../../src/core/policy/condition-operators';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../../../src/core/policy/elements';
import { POLICY_KINDS, type PolicyKind } from '../../../src/core/policy/types';
import { SCHEMA_FILE_NAMES, buildSchemas } from '../../../src/core/schema/build-schemas';
import { describeBaseOperator } from '../../../src/core/schema/condition-schema';
import { PRINCIPAL_TYPES } from '../../../src/core/schema/element-docs';
import { VSCODE_SCHEMA_KEYWORDS, type JsonSchema } from '../../../src/core/schema/types';
import { renderSchemaFiles, staleSchemaFiles } from '../../../scripts/gen-schemas';
import { lintText } from '../../../src/core/lint';

const ROOT = join(__dirname, '..', '..', '..');

/** The schemas VS Code loads: the files on disk. */
const onDisk = Object.fromEntries(
  POLICY_KINDS.map((kind) => [kind, JSON.parse(readFileSync(join(ROOT, 'schemas', SCHEMA_FILE_NAMES[kind]), 'utf8')) as JsonSchema]),
) as Record<PolicyKind, JsonSchema>;

function compile(schema: JsonSchema): ValidateFunction {
  // Strict mode rejects unknown keywords, so the VS Code ones are declared.
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary([...VSCODE_SCHEMA_KEYWORDS]);
  return ajv.compile(schema);
}

const validators = Object.fromEntries(POLICY_KINDS.map((kind) => [kind, compile(onDisk[kind])])) as Record<PolicyKind, ValidateFunction>;

function errorsOf(kind: PolicyKind, doc: unknown): ErrorObject[] {
  const validate = validators[kind];
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function statementOf(schema: JsonSchema): JsonSchema {
  const statement = schema.definitions?.statement;
  assert.ok(statement, 'definitions.statement');
  return statement;
}

/** A snippet body with its placeholders replaced by their default text: `${1:ssm:StartSession}` → `ssm:StartSession`. */
function expandSnippet(body: unknown): unknown {
  const text = (s: string): string => s.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
  if (typeof body === 'string') return text(body);
  if (Array.isArray(body)) return body.map(expandSnippet);
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [text(k), expandSnippet(v)]));
  return body;
}

/** Keywords that make a JSON schema report a problem: none of them may appear in the policy schemas. */
const VALIDATION_KEYWORDS = [
  'type', 'enum', 'const', 'pattern', 'patternProperties', 'required', 'additionalProperties', 'additionalItems',
  'minItems', 'maxItems', 'uniqueItems', 'contains', 'minLength', 'maxLength', 'format', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minProperties', 'maxProperties', 'propertyNames',
  'dependencies', 'if', 'then', 'else', 'not', 'anyOf', 'oneOf', 'errorMessage', 'patternErrorMessage',
  'deprecationMessage',
];

/** Every schema node of a schema (through properties, items, allOf and definitions), with its path. */
function* schemaNodes(schema: JsonSchema | boolean, path = '#'): Generator<[string, JsonSchema | boolean]> {
  yield [path, schema];
  if (typeof schema !== 'object') return;
  for (const [name, sub] of Object.entries(schema.properties ?? {})) yield* schemaNodes(sub, `${path}/properties/${name}`);
  for (const [name, sub] of Object.entries(schema.definitions ?? {})) yield* schemaNodes(sub, `${path}/definitions/${name}`);
  for (const [i, sub] of (schema.allOf ?? []).entries()) yield* schemaNodes(sub, `${path}/allOf/${i}`);
  if (schema.items) yield* schemaNodes(schema.items, `${path}/items`);
}

/** The rule ids the linter reports for a document, linted as `kind`. */
async function rulesFor(kind: PolicyKind, doc: unknown): Promise<string[]> {
  const { findings } = await lintText(JSON.stringify(doc, null, 2), { kind });
  return [...new Set(findings.map((f) => f.ruleId))];
}

/** The error-severity findings of a document, as `rule-id: message`. */
async function errorsFor(kind: PolicyKind, doc: unknown): Promise<string[]> {
  const { findings } = await lintText(JSON.stringify(doc, null, 2), { kind });
  return findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`);
}

describe('JSON schemas (schemas/*.schema.json)', () => {
  describe('generation', () => {
    it('the files on disk equal the generator output (run tsx scripts/gen-schemas.ts)', () => {
      assert.deepEqual(staleSchemaFiles(ROOT), []);
    });

    it('are 2-space JSON with a trailing newline, one file per policy kind and language (schemas/, schemas/ja/)', () => {
      const files = renderSchemaFiles();
      assert.deepEqual(files.map((f) => f.path).sort(), [
        'schemas/identity-policy.schema.json',
        'schemas/ja/identity-policy.schema.json',
        'schemas/ja/scp.schema.json',
        'schemas/ja/trust-policy.schema.json',
        'schemas/scp.schema.json',
        'schemas/trust-policy.schema.json',
      ]);
      for (const { text } of files) {
        assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
        assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      }
    });

    it('is pure: two runs build the same schemas', () => {
      assert.deepEqual(buildSchemas(), buildSchemas());
      assert.deepEqual(buildSchemas('ja'), buildSchemas('ja'));
    });

    it('reports a stale or missing Japanese file as it does an English one', () => {
      const copy = mkdtempSync(join(tmpdir(), 'schemas-'));
      try {
        for (const { path, text } of renderSchemaFiles()) {
          mkdirSync(dirname(join(copy, path)), { recursive: true });
          writeFileSync(join(copy, path), text);
        }
        assert.deepEqual(staleSchemaFiles(copy), []);
        writeFileSync(join(copy, 'schemas/ja/scp.schema.json'), '{}\n');
        rmSync(join(copy, 'schemas/ja/trust-policy.schema.json'));
        assert.deepEqual(staleSchemaFiles(copy).sort(), ['schemas/ja/scp.schema.json', 'schemas/ja/trust-policy.schema.json']);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });

    for (const kind of POLICY_KINDS) {
      it(`${kind}: is a valid draft-07 schema that ajv compiles in strict mode`, () => {
        assert.equal(onDisk[kind].$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(typeof validators[kind], 'function');
      });
    }
  });

  describe('silent: the linter is the one voice', () => {
    for (const kind of POLICY_KINDS) {
      it(`${kind}: uses no validation keyword and forbids no property anywhere`, () => {
        const found: string[] = [];
        for (const [path, node] of schemaNodes(onDisk[kind])) {
          if (node === false) found.push(`${path} is false`);
          if (typeof node !== 'object') continue;
          for (const keyword of VALIDATION_KEYWORDS) if (keyword in node) found.push(`${path}/${keyword}`);
        }
        assert.deepEqual(found, []);
      });

      it(`${kind}: lets the linter report comments and trailing commas (allowComments, allowTrailingCommas at the root)`, () => {
        assert.equal(onDisk[kind].allowComments, true);
        assert.equal(onDisk[kind].allowTrailingCommas, true);
      });

      it(`${kind}: accepts any JSON value, so VS Code's JSON service reports nothing from it`, () => {
        for (const value of [[], 'x', 42, null, {}, { Statement: 5 }, { Version: 7, Statement: [{ Effect: true, Action: {}, Principal: [1] }] }]) {
          assert.deepEqual(errorsOf(kind, value), [], JSON.stringify(value));
        }
      });
    }

    // What the schemas checked before they went silent, and the rule that reports each in its place (with a fix or a
    // suggestion where one makes sense): nothing a schema caught goes unreported.
    const allow = { Effect: 'Allow', Action: 'ssm:StartSession', Resource: '*' };
    const trust = { Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const doc = (...statements: object[]): object => ({ Version: '2012-10-17', Statement: statements });
    const table: { name: string; kind: PolicyKind; doc: unknown; was: string; rule: string }[] = [
      { name: 'a document that is not an object', kind: 'identity', doc: [allow], was: 'type', rule: 'json-syntax' },
      { name: 'Effect "allow" (case-sensitive)', kind: 'identity', doc: doc({ ...allow, Effect: 'allow' }), was: 'enum', rule: 'effect-value' },
      { name: 'Effect true', kind: 'identity', doc: doc({ ...allow, Effect: true }), was: 'type', rule: 'element-type' },
      { name: 'Version "2012-10-18"', kind: 'identity', doc: { ...doc(allow), Version: '2012-10-18' }, was: 'enum', rule: 'version-invalid' },
      { name: 'Version "2008-10-17" in an SCP', kind: 'scp', doc: { ...doc(allow), Version: '2008-10-17' }, was: 'enum', rule: 'version-outdated' },
      { name: 'an SCP without Version', kind: 'scp', doc: { Statement: [allow] }, was: 'required', rule: 'version-missing' },
      { name: 'Id 42', kind: 'identity', doc: { ...doc(allow), Id: 42 }, was: 'type', rule: 'element-type' },
      { name: 'a policy without Statement', kind: 'identity', doc: { Version: '2012-10-17' }, was: 'required', rule: 'statement-missing' },
      { name: 'Action 42', kind: 'identity', doc: doc({ ...allow, Action: 42 }), was: 'type', rule: 'element-type' },
      { name: 'an Action item that is a number', kind: 'identity', doc: doc({ ...allow, Action: ['ssm:StartSession', 7] }), was: 'type', rule: 'element-type' },
      { name: 'an action without its service prefix', kind: 'identity', doc: doc({ ...allow, Action: ['StartSession'] }), was: 'pattern', rule: 'action-missing-prefix' },
      { name: 'a Resource that is an object', kind: 'identity', doc: doc({ ...allow, Resource: { arn: '*' } }), was: 'type', rule: 'element-type' },
      { name: 'unknown element "Actions"', kind: 'identity', doc: doc({ Effect: 'Allow', Actions: 'ssm:StartSession', Resource: '*' }), was: 'additionalProperties', rule: 'unknown-element' },
      { name: 'unknown top-level element "Statements"', kind: 'identity', doc: { Version: '2012-10-17', Statement: [allow], Statements: [] }, was: 'additionalProperties', rule: 'unknown-element' },
      { name: 'Principal in an identity policy', kind: 'identity', doc: doc({ ...allow, Principal: '*' }), was: 'false schema', rule: 'principal-in-identity' },
      { name: 'NotPrincipal in an identity policy', kind: 'identity', doc: doc({ ...allow, Effect: 'Deny', NotPrincipal: { AWS: '123456789012' } }), was: 'false schema', rule: 'principal-in-identity' },
      { name: 'Principal in an SCP', kind: 'scp', doc: doc({ ...allow, Principal: '*' }), was: 'false schema', rule: 'principal-in-identity' },
      { name: 'unknown condition operator "StringEqual"', kind: 'identity', doc: doc({ ...allow, Condition: { StringEqual: { 'aws:SourceAccount': '123456789012' } } }), was: 'additionalProperties', rule: 'condition-operator-unknown' },
      { name: 'NullIfExists (Null takes no IfExists)', kind: 'identity', doc: doc({ ...allow, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }), was: 'additionalProperties', rule: 'condition-operator-unknown' },
      { name: 'an unknown set prefix "ForSomeValues:"', kind: 'identity', doc: doc({ ...allow, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }), was: 'additionalProperties', rule: 'condition-operator-unknown' },
      { name: 'a Condition that is a string', kind: 'identity', doc: doc({ ...allow, Condition: 'StringEquals' }), was: 'type', rule: 'element-type' },
      { name: 'a condition value that is an object', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: { 'aws:SourceAccount': { account: '123456789012' } } } }), was: 'type', rule: 'element-type' },
      { name: 'a condition value list holding null', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: { 'aws:SourceAccount': ['1', null] } } }), was: 'type', rule: 'element-type' },
      { name: 'an operator whose value is a string', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: 'aws:SourceAccount' } }), was: 'type', rule: 'element-type' },
      { name: 'a statement without Effect', kind: 'identity', doc: doc({ Action: 'ssm:StartSession', Resource: '*' }), was: 'required', rule: 'missing-effect' },
      { name: 'a statement without Action or NotAction', kind: 'identity', doc: doc({ Effect: 'Allow', Resource: '*' }), was: 'required', rule: 'missing-action' },
      { name: 'an identity statement without Resource', kind: 'identity', doc: doc({ Effect: 'Allow', Action: 'ssm:StartSession' }), was: 'required', rule: 'missing-resource' },
      { name: 'an SCP statement without Resource', kind: 'scp', doc: doc({ Effect: 'Deny', Action: 'ssm:StartSession' }), was: 'required', rule: 'missing-resource' },
      { name: 'both Action and NotAction', kind: 'identity', doc: doc({ ...allow, NotAction: 'iam:*' }), was: 'false schema', rule: 'conflicting-elements' },
      { name: 'both Resource and NotResource in a resource policy', kind: 'trust', doc: doc({ ...trust, Resource: '*', NotResource: 'arn:aws:s3:::b/*' }), was: 'false schema', rule: 'conflicting-elements' },
      { name: 'a Sid with a hyphen in an identity policy', kind: 'identity', doc: doc({ ...allow, Sid: 'Allow-SSM' }), was: 'pattern', rule: 'sid-format' },
      { name: 'a Sid that is a number', kind: 'identity', doc: doc({ ...allow, Sid: 1 }), was: 'type', rule: 'element-type' },
      { name: 'Statement as a string', kind: 'identity', doc: { Version: '2012-10-17', Statement: 'Allow all' }, was: 'anyOf', rule: 'element-type' },
      { name: 'a Statement item that is a string', kind: 'identity', doc: { Version: '2012-10-17', Statement: [allow, 'Deny all'] }, was: 'type', rule: 'element-type' },
      { name: 'a trust statement without Principal', kind: 'trust', doc: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), was: 'required', rule: 'missing-principal' },
      { name: 'Principal as a bare account ARN string', kind: 'trust', doc: doc({ ...trust, Principal: 'arn:aws:iam::123456789012:root' }), was: 'pattern', rule: 'element-type' },
      { name: 'an unknown principal type "Services"', kind: 'trust', doc: doc({ ...trust, Principal: { Services: 'ssm.amazonaws.com' } }), was: 'additionalProperties', rule: 'principal-format' },
      { name: 'a principal value that is a number', kind: 'trust', doc: doc({ ...trust, Principal: { AWS: 123456789012 } }), was: 'type', rule: 'element-type' },
      { name: 'both Principal and NotPrincipal', kind: 'trust', doc: doc({ ...trust, Effect: 'Deny', NotPrincipal: { AWS: '123456789012' } }), was: 'false schema', rule: 'conflicting-elements' },
    ];
    for (const { name, kind, doc: input, was, rule } of table) {
      it(`${kind}: ${name} (the schema's ${was}) is ${rule}'s alone`, async () => {
        assert.deepEqual(errorsOf(kind, input), [], 'the schema stays silent');
        assert.ok((await rulesFor(kind, input)).includes(rule), `${rule} reports it; got ${JSON.stringify(await rulesFor(kind, input))}`);
      });
    }
  });

  describe('content: completion and hover', () => {
    for (const kind of POLICY_KINDS) {
      const schema = buildSchemas()[kind];
      const statement = statementOf(schema);

      it(`${kind}: describes the document, every top-level element and every statement element`, () => {
        assert.ok(schema.markdownDescription && schema.description);
        assert.deepEqual(Object.keys(schema.properties ?? {}).sort(), [...TOP_LEVEL_ELEMENTS].sort());
        assert.deepEqual(Object.keys(statement.properties ?? {}).sort(), [...STATEMENT_ELEMENTS].sort());
        const all = { ...schema.properties, ...statement.properties };
        for (const [name, element] of Object.entries(all)) {
          assert.ok(typeof element === 'object', name);
          assert.ok(element.description && element.description.length > 20, `${name}: description`);
          assert.ok(element.markdownDescription && element.markdownDescription.includes('](https://docs.aws.amazon.com/'), `${name}: markdownDescription links the reference`);
        }
      });

      it(`${kind}: reaches the statement from both forms of Statement (an object, or an array of them)`, () => {
        const element = schema.properties?.Statement as JsonSchema;
        assert.deepEqual(element.allOf, [{ $ref: '#/definitions/statement' }]);
        assert.deepEqual(element.items?.allOf, [{ $ref: '#/definitions/statement' }]);
      });

      it(`${kind}: lists every condition operator of condition-operators.ts, each described`, () => {
        const condition = statement.properties?.Condition as JsonSchema;
        assert.deepEqual(Object.keys(condition.properties ?? {}).sort(), [...OPERATOR_NAMES].sort());
        for (const [name, op] of Object.entries(condition.properties ?? {})) {
          assert.ok(typeof op === 'object', name);
          const markdown = op.markdownDescription ?? '';
          assert.ok(markdown.startsWith(`**${name}**: `), name);
          assert.ok(op.description?.startsWith(`${name}: `), name);
          if (name.includes('IfExists')) assert.match(markdown, /`IfExists`/, name);
          if (name.startsWith('ForAllValues:')) assert.match(markdown, /\*\*every\*\*/, name);
          if (name.startsWith('ForAnyValue:')) assert.match(markdown, /\*\*at least one\*\*/, name);
        }
      });

      it(`${kind}: offers the Version and Effect values, described, as completion snippets the linter accepts`, async () => {
        const version = schema.properties?.Version as JsonSchema;
        const effect = statement.properties?.Effect as JsonSchema;
        assert.deepEqual(effect.defaultSnippets?.map((s) => s.body), ['Allow', 'Deny']);
        assert.deepEqual(effect.defaultSnippets?.map((s) => s.label), ['"Allow"', '"Deny"']);
        for (const s of [...(effect.defaultSnippets ?? []), ...(version.defaultSnippets ?? [])]) assert.ok(s.markdownDescription && s.description, s.label);
        if (kind === 'scp') {
          assert.deepEqual(version.defaultSnippets?.map((s) => s.body), ['2012-10-17']);
        } else {
          assert.deepEqual(version.defaultSnippets?.map((s) => s.body), ['2012-10-17', '2008-10-17']);
          assert.match(version.defaultSnippets?.[1]?.markdownDescription ?? '', /Outdated/);
        }
        const base = kind === 'trust' ? { Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' } : { Effect: 'Allow', Action: 'ssm:StartSession', Resource: '*' };
        for (const s of effect.defaultSnippets ?? []) {
          assert.ok(!(await rulesFor(kind, { Version: '2012-10-17', Statement: [{ ...base, Effect: s.body }] })).includes('effect-value'), s.label);
        }
        const first = version.defaultSnippets?.[0]?.body;
        assert.deepEqual(await errorsFor(kind, { Version: first, Statement: [base] }), []);
      });

      it(`${kind}: gives every string element a value skeleton, so completing its key writes the quotes`, () => {
        const elements = { ...schema.properties, ...statement.properties };
        for (const name of ['Id', 'Sid', 'Action', 'NotAction', 'Resource', 'NotResource']) {
          const element = elements[name] as JsonSchema;
          assert.equal(element.defaultSnippets?.length, 1, name);
        }
      });

      it(`${kind}: describes the principal types`, async () => {
        const principal = statement.properties?.Principal as JsonSchema;
        if (kind !== 'trust') {
          for (const element of ['Principal', 'NotPrincipal']) {
            const schemaOf = statement.properties?.[element] as JsonSchema;
            assert.equal(schemaOf.doNotSuggest, true, element);
            assert.match(schemaOf.markdownDescription ?? '', /Not allowed/, element);
          }
          return;
        }
        assert.deepEqual(Object.keys(principal.properties ?? {}), PRINCIPAL_TYPES.map((p) => p.name));
        assert.deepEqual(Object.keys(principal.properties ?? {}), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
        for (const p of Object.values(principal.properties ?? {})) assert.ok(typeof p === 'object' && p.markdownDescription && p.description && p.defaultSnippets?.length === 1);
        assert.ok((principal.defaultSnippets ?? []).length >= 3);
        // Each skeleton has the shape IAM takes ("*" alone is refused in a role trust policy: principal-format says so).
        for (const snippet of principal.defaultSnippets ?? []) {
          const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: expandSnippet(snippet.body), Action: 'sts:AssumeRole' }] };
          const rules: string[] = await rulesFor(kind, doc);
          const shapeRules = snippet.body === '*' ? ['element-type', 'unknown-element'] : ['element-type', 'unknown-element', 'principal-format'];
          assert.deepEqual(rules.filter((r) => shapeRules.includes(r)), [], JSON.stringify(doc));
        }
      });

      it(`${kind}: completion skeletons are themselves ${kind} policies without errors`, async () => {
        const snippets = [...(schema.defaultSnippets ?? [])].map((s) => s.body);
        assert.equal(snippets.length, 1);
        const statementElement = schema.properties?.Statement as JsonSchema;
        const itemSnippets = statementElement.items?.defaultSnippets ?? [];
        assert.ok(itemSnippets.length >= 2);
        for (const s of itemSnippets) snippets.push({ Version: '2012-10-17', Statement: [s.body] });
        for (const s of statementElement.defaultSnippets ?? []) snippets.push({ Version: '2012-10-17', Statement: s.body });
        assert.ok(snippets.length >= 5);
        for (const body of snippets) {
          const doc = expandSnippet(body);
          // The example names of a skeleton (a documentation bucket, an account) are there to be replaced.
          const errors = (await errorsFor(kind, doc)).filter((e) => !e.startsWith('placeholder:'));
          assert.deepEqual(errors, [], JSON.stringify(doc));
        }
      });
    }

    it('describes every base operator with its own sentence (no generic fallback)', () => {
      for (const base of BASE_OPERATORS) assert.ok(describeBaseOperator(base), base);
    });
  });
});
