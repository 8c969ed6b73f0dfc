import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import type { Log } from 'sarif';
import { lintText } from '../../../src/core/lint';
import { allRules } from '../../../src/core/rules';
import { formatSarif } from '../../../src/cli/format';

/**
 * The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that our log uses, with the
 * constraints the spec puts on them: required properties, the level enum, 1-based regions, URIs.
 */
const sarifSubset = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    $schema: { type: 'string' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  informationUri: { type: 'string', pattern: '^https?://' },
                  rules: {
                    type: 'array',
                    uniqueItems: true,
                    items: {
                      type: 'object',
                      required: ['id'],
                      properties: {
                        id: { type: 'string' },
                        shortDescription: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                        helpUri: { type: 'string', pattern: '^https?://' },
                        help: { type: 'object', required: ['text'] },
                        defaultConfiguration: { type: 'object', properties: { level: { enum: ['none', 'note', 'warning', 'error'] } } },
                        properties: { type: 'object' },
                      },
                      additionalProperties: false,
                    },
                  },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: { type: 'string' },
                ruleIndex: { type: 'integer', minimum: -1 },
                level: { enum: ['none', 'note', 'warning', 'error'] },
                message: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation', 'region'],
                        properties: {
                          artifactLocation: { type: 'object', required: ['uri'], properties: { uri: { type: 'string' }, uriBaseId: { type: 'string' } } },
                          region: {
                            type: 'object',
                            required: ['startLine'],
                            properties: {
                              startLine: { type: 'integer', minimum: 1 },
                              startColumn: { type: 'integer', minimum: 1 },
                              endLine: { type: 'integer', minimum: 1 },
                              endColumn: { type: 'integer', minimum: 1 },
                            },
                          },
                        },
                      },
                    },
                  },
                },
                fixes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['artifactChanges'],
                    properties: {
                      description: { type: 'object', required: ['text'], properties: { text: { type: 'string', minLength: 1 } } },
                      artifactChanges: {
                        type: 'array',
                        minItems: 1,
                        items: {
                          type: 'object',
                          required: ['artifactLocation', 'replacements'],
                          properties: {
                            artifactLocation: { type: 'object', required: ['uri'] },
                            replacements: {
                              type: 'array',
                              minItems: 1,
                              items: {
                                type: 'object',
                                required: ['deletedRegion'],
                                properties: {
                                  deletedRegion: {
                                    type: 'object',
                                    required: ['charOffset', 'charLength'],
                                    properties: { charOffset: { type: 'integer', minimum: 0 }, charLength: { type: 'integer', minimum: 0 } },
                                  },
                                  insertedContent: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
                                },
                                additionalProperties: false,
                              },
                            },
                          },
                        },
                      },
                    },
                    additionalProperties: false,
                  },
                },
              },
              additionalProperties: false,
            },
          },
        },
      },
    },
  },
};

describe('cli: SARIF output', () => {
  it('validates against the SARIF 2.1.0 constraints for every rule and a mixed set of findings', async () => {
    const text = '{\n  "Statement": [{ "Effect": "allow", "Action": ["ssm:SendCommand", "ssm:SendComand"], "Resource": "*" }]\n}\n';
    const { findings } = await lintText(text);
    assert.ok(findings.length >= 2);
    const log: Log = JSON.parse(formatSarif([{ file: 'dir with space/p.json', findings }], allRules, '1.2.3'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(sarifSubset);
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    const rules = run.tool.driver.rules ?? [];
    const results = run.results ?? [];
    assert.equal(rules.length, allRules.length);
    for (const r of results) assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId);
    assert.equal(results[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, 'dir%20with%20space/p.json');
    // Suggestions are SARIF fixes (proposals); the meaning-preserving fixes are --fix's business and not listed.
    const typo = results.find((r) => r.ruleId === 'action-unknown');
    const change = typo?.fixes?.[0];
    assert.equal(change?.description?.text, 'Change the action to "ssm:SendCommand"');
    const replacement = change?.artifactChanges[0]?.replacements[0];
    const offset = replacement?.deletedRegion.charOffset ?? -1;
    assert.equal(text.slice(offset, offset + (replacement?.deletedRegion.charLength ?? 0)), '"ssm:SendComand"');
    assert.equal(replacement?.insertedContent?.text, '"ssm:SendCommand"');
    assert.equal(results.find((r) => r.ruleId === 'effect-value')?.fixes, undefined);
  });
});
