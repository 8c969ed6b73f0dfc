import { iam as sharedIam, type IamIndex } from '../iam';
import { PARTITIONS, allRegions, partitionById } from '../iam/partitions';
import { arnFieldSeparators, parseArn } from '../policy/arn';
import { OPERATOR_NAMES, parseOperator } from '../policy/condition-operators';
import { MAX_EDITOR_TEXT_LENGTH } from '../policy/limits';
import { expandActions } from '../policy/query';
import { ownResourceTypes, templatesOf } from '../policy/resource-arns';
import { AMAZON_COM_PRINCIPALS, SERVICE_PRINCIPAL_NAMES } from '../policy/service-principals';
import type { Statement } from '../policy/types';
import { describeOperator } from '../schema/condition-schema';
import type { Locale } from '../i18n';
import { SERVICE_SETTINGS } from '../ssm/service-settings';
import { cursorContext, type CursorContext, type StringToken } from './cursor';
import { actionConditionKeys, describeAction, describeConditionKey, describeServiceSetting, escapeMarkdown, resolveKey } from './describe';
import type { LanguageOptions } from './hover';
import { serviceReferenceUrl } from './links';
import { formatMessage, type Localize } from './localize';

/** What a completion item inserts. */
export type CompletionKind =
  | 'action'
  | 'service'
  | 'operator'
  | 'conditionKey'
  | 'servicePrincipal'
  | 'serviceSetting'
  | 'partition'
  | 'region'
  | 'resourceType';

/** One completion item as plain data; the editor adapter turns it into its own type. */
export interface PolicyCompletionItem {
  label: string;
  kind: CompletionKind;
  /** A short line beside the label (access level, key type, service name). */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  insertText: string;
  /** True when insertText is a snippet (`${1:TagKey}` tab stops). */
  snippet?: boolean;
  /** The text the item replaces: it holds the cursor and never spans lines. */
  range: { offset: number; length: number };
  sortText?: string;
  filterText?: string;
  /** True when completion should open again after inserting (after `ssm:`, `arn:aws:`). */
  retrigger?: boolean;
}

/** Services whose condition keys a statement's Action never lists but whose keys fit every request. */
const GLOBAL_PREFIX = 'aws';

/** Condition keys whose values are service principals. */
const SERVICE_PRINCIPAL_KEYS = new Set(['iam:passedtoservice', 'iam:awsservicename', 'aws:principalservicename', 'aws:principalservicenameslist']);

/**
 * The completions at an offset of a policy text: actions and service prefixes in Action/NotAction, operators and
 * condition keys under Condition, service principals, and the fields of an ARN (partition, service, Region,
 * resource type, service setting id). Loads the IAM data it needs; never throws.
 */
export async function getCompletions(text: string, offset: number, options: LanguageOptions = {}): Promise<PolicyCompletionItem[]> {
  // Beyond the editor's limit a completion would parse the whole document on the extension host's thread.
  if (text.length > MAX_EDITOR_TEXT_LENGTH) return [];
  const iam = options.iam ?? sharedIam;
  const t = options.localize ?? formatMessage;
  const ctx = cursorContext(text, offset, options.kind);
  const token = ctx.token;
  if (token && !token.inside) return [];
  const element = ctx.element;
  try {
    if (ctx.isAtPropertyKey || token?.isKey) {
      if (element?.[0] !== 'Condition') return [];
      if (element.length === 2) return operatorItems(ctx, token, t, options.locale);
      if (element.length === 3) return await conditionKeyItems(iam, ctx, token, t);
      return [];
    }
    if (!token) return [];
    const head = element?.[0];
    if ((head === 'Action' || head === 'NotAction') && isListItem(element, 1)) return await actionItems(iam, token, t);
    if ((head === 'Principal' || head === 'NotPrincipal') && element?.[1] === 'Service' && isListItem(element, 2)) {
      return await servicePrincipalItems(iam, token);
    }
    if (head === 'Condition' && element && element.length >= 3 && isListItem(element, 3)) {
      const key = String(element[2]).toLowerCase();
      if (SERVICE_PRINCIPAL_KEYS.has(key) && !token.before.startsWith('arn:')) return await servicePrincipalItems(iam, token);
    }
    if (token.before.startsWith('arn:')) return await arnItems(iam, token, t);
  } catch {
    // Completion must never break typing: an unexpected shape gives no items.
  }
  return [];
}

/** True when the element path is the value at `depth` elements (a string) or an item of the array there. */
function isListItem(element: CursorContext['element'], depth: number): boolean {
  if (!element) return false;
  return element.length === depth || (element.length === depth + 1 && typeof element[depth] === 'number');
}

/** The range of a key: its content inside the quotes, or an empty range at the cursor when no string is open. */
function keyRange(ctx: CursorContext, token: StringToken | undefined): { offset: number; length: number } {
  return token ? { offset: token.start, length: token.end - token.start } : { offset: ctx.offset, length: 0 };
}

function operatorItems(ctx: CursorContext, token: StringToken | undefined, t: Localize, locale: Locale = 'en'): PolicyCompletionItem[] {
  const range = keyRange(ctx, token);
  return OPERATOR_NAMES.map((name) => {
    const parsed = parseOperator(name);
    const rank = (parsed.set ? 2 : 0) + (parsed.ifExists ? 1 : 0);
    return {
      label: name,
      kind: 'operator',
      detail: parsed.valueType ? t('{0} condition operator', parsed.valueType) : undefined,
      documentation: describeOperator(name, locale).markdownDescription,
      insertText: token ? name : `"${name}": {$1}`,
      snippet: !token,
      range,
      sortText: `${rank}${name}`,
      filterText: token ? name : `"${name}"`,
    };
  });
}

/** The service prefixes a statement's Action and NotAction name. */
function statementServices(st: Statement | undefined): string[] {
  const out = new Set<string>();
  for (const item of [...(st?.action?.items ?? []), ...(st?.notAction?.items ?? [])]) {
    const colon = item.value.indexOf(':');
    if (colon > 0 && colon < 100) out.add(item.value.slice(0, colon).toLowerCase());
  }
  return [...out];
}

async function conditionKeyItems(iam: IamIndex, ctx: CursorContext, token: StringToken | undefined, t: Localize): Promise<PolicyCompletionItem[]> {
  const st = ctx.statement;
  const services = statementServices(st);
  const typed = token ? token.before : '';
  const typedColon = typed.indexOf(':');
  const typedService = typedColon > 0 ? typed.slice(0, typedColon).toLowerCase() : undefined;
  await iam.ensure(typedService && typedService !== GLOBAL_PREFIX ? [...services, typedService] : services);

  // Keys in order of relevance: the statement's actions (and their resource types), the services it names, globals.
  const keys = new Map<string, { key: string; rank: number }>();
  const add = (key: string, rank: number): void => {
    const id = normalizeKey(key);
    const seen = keys.get(id);
    if (!seen || seen.rank > rank) keys.set(id, { key: seen?.key ?? key, rank });
  };
  if (st) {
    const expanded = expandActions(st, iam);
    for (const action of expanded.actions) {
      for (const key of actionConditionKeys(action)) add(key, 0);
      for (const rt of action.resourceTypes) for (const key of iam.resourceType(action.service, rt.name)?.conditionKeys ?? []) add(key, 0);
    }
    // A wildcard or NotAction leaves the actions open: every key of the services named may apply.
    if (!expanded.complete || st.notAction) for (const s of services) for (const k of iam.serviceConditionKeys(s)) add(k.key, 1);
  }
  if (typedService && typedService !== GLOBAL_PREFIX) for (const k of iam.serviceConditionKeys(typedService)) add(k.key, 1);
  for (const key of iam.globalConditionKeyNames()) add(key, 2);

  const range = keyRange(ctx, token);
  const items: PolicyCompletionItem[] = [];
  for (const { key, rank } of keys.values()) {
    const resolved = resolveKey(iam, key);
    const insert = keyInsertText(key, token !== undefined);
    items.push({
      label: key,
      kind: 'conditionKey',
      detail: resolved ? `${resolved.info.type}${rank === 0 ? ` · ${t('used by this statement\'s actions')}` : rank === 2 ? ` · ${t('global')}` : ''}` : undefined,
      documentation: describeConditionKey(iam, key, t),
      insertText: insert.text,
      snippet: insert.snippet,
      range,
      sortText: `${rank}${key.toLowerCase()}`,
      filterText: token ? key : `"${key}"`,
    });
  }
  return items;
}

/** A key spelled for comparison: templates (`/${TagKey}`, `/tag-key`) become one form, case is ignored. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/\/(\$\{[^}]*\}|tag-key|<key>)$/, '/*');
}

/**
 * The insert text of a key: a template part (`${TagKey}`, a trailing `/tag-key`) becomes a tab stop; outside a
 * string the key comes quoted, with its value to fill in.
 */
function keyInsertText(key: string, inString: boolean): { text: string; snippet: boolean } {
  const m = /^(.*\/)(\$\{([^}]*)\}|tag-key|<key>)$/.exec(key);
  const body = m ? `${escapeSnippet(m[1] ?? '')}\${1:${escapeSnippet(m[3] ?? m[2] ?? 'key')}}` : undefined;
  if (inString) return body ? { text: body, snippet: true } : { text: key, snippet: false };
  return { text: `"${body ?? escapeSnippet(key)}": "$${body ? 2 : 1}"`, snippet: true };
}

/** Escapes the characters that mean something in snippet syntax. */
function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

async function actionItems(iam: IamIndex, token: StringToken, t: Localize): Promise<PolicyCompletionItem[]> {
  const colon = token.before.indexOf(':');
  if (colon < 0) {
    await iam.ensure([]);
    const laterColon = token.content.indexOf(':');
    const end = laterColon >= 0 ? token.start + laterColon : token.end;
    const range = { offset: token.start, length: end - token.start };
    return iam.servicePrefixes().map((prefix) => {
      const name = iam.serviceName(prefix);
      return {
        label: prefix,
        kind: 'service',
        detail: name,
        documentation: `**${escapeMarkdown(name ?? prefix)}** (${prefix})\n\n[${t('Actions of {0}', escapeMarkdown(name ?? prefix))}](${serviceReferenceUrl(name, 'actions')})`,
        insertText: laterColon >= 0 ? prefix : `${prefix}:`,
        range,
        filterText: prefix,
        retrigger: laterColon < 0,
      };
    });
  }
  const service = token.before.slice(0, colon);
  await iam.ensure([service.toLowerCase()]);
  const range = { offset: token.start + colon + 1, length: token.end - (token.start + colon + 1) };
  return iam.actions(service).map((action) => ({
    label: action.name,
    kind: 'action',
    detail: action.accessLevel,
    documentation: describeAction(iam, action, t),
    insertText: action.name,
    range,
  }));
}

async function servicePrincipalItems(iam: IamIndex, token: StringToken): Promise<PolicyCompletionItem[]> {
  await iam.ensure([]);
  const range = { offset: token.start, length: token.end - token.start };
  const principals = [...SERVICE_PRINCIPAL_NAMES.map((n) => `${n}.amazonaws.com`), ...AMAZON_COM_PRINCIPALS];
  return principals.map((principal) => {
    const name = iam.serviceName(principal.split('.')[0] ?? '');
    return {
      label: principal,
      kind: 'servicePrincipal',
      detail: name,
      documentation: name ? `**${principal}**\n\n${escapeMarkdown(name)}` : undefined,
      insertText: principal,
      range,
    };
  });
}

async function arnItems(iam: IamIndex, token: StringToken, t: Localize): Promise<PolicyCompletionItem[]> {
  const cuts = arnFieldSeparators(token.content);
  const before = token.before.length;
  const index = cuts.filter((c) => c < before).length;
  const fieldStart = index === 0 ? 0 : (cuts[index - 1] ?? 0) + 1;
  const next = index >= 5 ? undefined : cuts.find((c) => c >= before);
  const fieldEnd = next ?? token.content.length;
  const range = { offset: token.start + fieldStart, length: fieldEnd - fieldStart };
  const fields = token.content.split(':');
  // Before the resource field, the item brings its colon along and opens completion for the next field.
  const withColon = (value: string): { insertText: string; retrigger: boolean } =>
    next === undefined ? { insertText: `${value}:`, retrigger: true } : { insertText: value, retrigger: false };

  if (index === 1) {
    return PARTITIONS.map((p) => ({ label: p.id, kind: 'partition', detail: p.name, range, sortText: p.id === 'aws' ? '0' : `1${p.id}`, ...withColon(p.id) }));
  }
  if (index === 2) {
    await iam.ensure([]);
    return iam.servicePrefixes().map((prefix) => ({ label: prefix, kind: 'service', detail: iam.serviceName(prefix), range, ...withColon(prefix) }));
  }
  const service = (fields[2] ?? '').toLowerCase();
  if (index === 3) {
    if (service && service.length < 100) await iam.ensure([service]);
    const templates = service ? ownResourceTypes(iam, service).flatMap((rt) => templatesOf(rt).map((tpl) => parseArn(tpl))) : [];
    // IAM, S3 buckets and other global resources have an empty Region field: offer nothing to put there.
    if (templates.length > 0 && templates.every((p) => p?.region === '')) return [];
    const partition = partitionById(fields[1] ?? '');
    const regions = partition ? partition.regions : allRegions();
    return regions.map((region) => ({
      label: region,
      kind: 'region',
      detail: partition?.name ?? PARTITIONS.find((p) => p.regions.includes(region))?.name,
      range,
      ...withColon(region),
    }));
  }
  if (index < 5) return [];
  if (!service || service.length >= 100) return [];
  await iam.ensure([service]);
  const resource = token.content.slice(fieldStart, before);
  const items: PolicyCompletionItem[] = [];
  const fullRange = { offset: token.start + fieldStart, length: token.content.length - fieldStart };
  if (service === 'ssm' && resource.length > 0 && ('servicesetting/'.startsWith(resource) || resource.startsWith('servicesetting'))) {
    for (const s of SERVICE_SETTINGS) {
      items.push({
        label: s.id,
        kind: 'serviceSetting',
        detail: s.allowedValues ? s.allowedValues.join(' | ') : s.valueExample,
        documentation: describeServiceSetting(s.id, t),
        insertText: `servicesetting${s.id}`,
        filterText: `servicesetting${s.id}`,
        range: fullRange,
        sortText: `0${s.id}`,
      });
    }
  }
  for (const rt of ownResourceTypes(iam, service)) {
    for (const template of templatesOf(rt)) {
      const parsed = parseArn(template);
      if (!parsed || parsed.service.toLowerCase() !== service) continue;
      const body = resourceSnippet(parsed.resource);
      items.push({
        label: parsed.resource,
        kind: 'resourceType',
        detail: rt.key,
        documentation: `**${escapeMarkdown(rt.key)}**\n\n\`${template}\``,
        insertText: body,
        snippet: true,
        filterText: parsed.resource,
        range: fullRange,
        sortText: `1${parsed.resource}`,
      });
    }
  }
  return items;
}

/** A resource template (`document/${DocumentName}`) as a snippet with one tab stop per variable. */
function resourceSnippet(template: string): string {
  let n = 0;
  return template
    .split(/(\$\{[^}]*\})/)
    .map((part) => {
      const m = /^\$\{([^}]*)\}$/.exec(part);
      return m ? `\${${++n}:${escapeSnippet(m[1] ?? '')}}` : escapeSnippet(part);
    })
    .join('');
}
