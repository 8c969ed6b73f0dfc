import type { IamAction, IamConditionKey, IamIndex } from '../iam';
import { partitionById, partitionOfRegion } from '../iam/partitions';
import { isNamedAccount, parseArn } from '../policy/arn';
import { resolveConditionKey } from '../policy/condition-keys';
import { arnCanMatchType, ownResourceTypes, templatesOf } from '../policy/resource-arns';
import { awsOwnedDocumentPrefix } from '../ssm/aws-owned-documents';
import {
  closestServiceSettingId,
  patternReachesOpenNamespace,
  serviceSettingById,
  serviceSettingNamespace,
  serviceSettingsMatching,
  type ServiceSettingInfo,
} from '../ssm/service-settings';
import { didYouMean } from '../util/did-you-mean';
import { hasVariableSpan, replaceVariableSpans } from '../util/variables';
import { globalKeyDocUrl, globalKeyMeaning } from './global-keys';
import { serviceReferenceUrl } from './links';
import type { Localize } from './localize';

/** How many actions a wildcard hover lists before "and N more". */
export const WILDCARD_LIST_LIMIT = 12;

/** An inline code span; backticks inside become quotes so the span cannot break. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Text from the IAM data made safe for Markdown (no emphasis, links or table breaks). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

/** The Markdown of one IAM action: description, access level, resource types with ARN formats, condition keys, link. */
export function describeAction(iam: IamIndex, action: IamAction, t: Localize): string {
  const serviceName = iam.serviceName(action.service);
  const full = `${action.service}:${action.name}`;
  const parts: string[] = [];
  parts.push(`**${full}**${serviceName ? ` · ${escapeMarkdown(serviceName)}` : ''}`);
  if (action.description) parts.push(escapeMarkdown(action.description));
  parts.push(t('**Access level:** {0}', escapeMarkdown(action.accessLevel || t('unknown'))));
  if (action.isWildcardOnly || action.resourceTypes.length === 0) {
    parts.push(t('**Resource types:** none. This action does not support resource-level permissions: grant it with {0}.', code('"Resource": "*"')));
  } else {
    const rows = action.resourceTypes.map((rt) => {
      const type = iam.resourceType(action.service, rt.name);
      const arns = type ? templatesOf(type).map(code).join(', ') : '';
      return `| ${code(rt.name)}${rt.required ? ' *' : ''} | ${arns} |`;
    });
    parts.push([`| ${t('Resource type')} | ${t('ARN format')} |`, '|---|---|', ...rows].join('\n'));
    if (action.resourceTypes.some((rt) => rt.required)) parts.push(t('\\* required: the statement must name a resource of this type (or `*`).'));
  }
  const keys = actionConditionKeys(action);
  parts.push(keys.length > 0 ? t('**Condition keys:** {0}', keys.map(code).join(', ')) : t('**Condition keys:** none specific to this action (global keys still apply).'));
  parts.push(`[${t('{0} in the Service Authorization Reference', full)}](${serviceReferenceUrl(serviceName, 'actions')})`);
  return parts.join('\n\n');
}

/** The condition keys an action names itself and on its resource types, without repeats, in data order. */
export function actionConditionKeys(action: IamAction): string[] {
  const keys = new Set<string>(action.conditionKeys);
  for (const rt of action.resourceTypes) for (const k of rt.conditionKeys) keys.add(k);
  return [...keys];
}

/** The Markdown of an action string with a wildcard (`ssm:Get*`), or of an action that does not exist. */
export function describeActionPattern(iam: IamIndex, pattern: string, negated: boolean, t: Localize): string {
  const parts: string[] = [];
  const note = negated ? t('Under `NotAction`, the statement applies to every action **except** the ones this matches.') : '';
  if (pattern === '*') {
    parts.push(`**${code('*')}**`, t('Matches every action of every AWS service.'));
    if (note) parts.push(note);
    return parts.join('\n\n');
  }
  const colon = pattern.indexOf(':');
  if (colon <= 0) {
    parts.push(`**${code(pattern)}**`, t('An action is written {0}, such as {1}.', code('service:ActionName'), code('ssm:SendCommand')));
    return parts.join('\n\n');
  }
  const service = pattern.slice(0, colon);
  const serviceName = iam.serviceName(service);
  if (!serviceName) {
    const close = didYouMean(service, iam.servicePrefixes());
    parts.push(`**${code(pattern)}**`, t('{0} is not a service prefix in the IAM data.', code(service)));
    if (close) parts.push(t('Did you mean {0}?', code(close)));
    return parts.join('\n\n');
  }
  const matched = iam.matchActions(pattern) ?? [];
  if (matched.length === 0) {
    parts.push(`**${code(pattern)}** · ${escapeMarkdown(serviceName)}`);
    const name = pattern.slice(colon + 1);
    if (/[*?]/.test(name)) parts.push(t('Matches no action of {0}.', escapeMarkdown(serviceName)));
    else {
      parts.push(t('{0} is not an action of {1}.', code(name), escapeMarkdown(serviceName)));
      const close = didYouMean(name, iam.actions(service).map((a) => a.name));
      if (close) parts.push(t('Did you mean {0}?', code(`${service}:${close}`)));
    }
    parts.push(`[${t('Actions of {0}', escapeMarkdown(serviceName))}](${serviceReferenceUrl(serviceName, 'actions')})`);
    return parts.join('\n\n');
  }
  const all = iam.actions(service).length;
  parts.push(`**${code(pattern)}** · ${escapeMarkdown(serviceName)}`);
  parts.push(
    matched.length === all
      ? t('Matches all {0} actions of {1}.', matched.length, escapeMarkdown(serviceName))
      : matched.length === 1
        ? t('Matches 1 action of {0}.', escapeMarkdown(serviceName))
        : t('Matches {0} actions of {1}.', matched.length, escapeMarkdown(serviceName)),
  );
  const levels = new Map<string, number>();
  for (const a of matched) levels.set(a.accessLevel, (levels.get(a.accessLevel) ?? 0) + 1);
  parts.push(
    t('By access level: {0}', [...levels].sort((a, b) => b[1] - a[1]).map(([level, n]) => `${escapeMarkdown(level || '?')} ${n}`).join(' · ')),
  );
  const sorted = [...matched].sort((a, b) => a.name.localeCompare(b.name));
  const listed = sorted.slice(0, WILDCARD_LIST_LIMIT).map((a) => `- ${code(`${service}:${a.name}`)} (${escapeMarkdown(a.accessLevel)})`);
  if (sorted.length > WILDCARD_LIST_LIMIT) listed.push(`- ${t('… and {0} more', sorted.length - WILDCARD_LIST_LIMIT)}`);
  parts.push(listed.join('\n'));
  if (note) parts.push(note);
  parts.push(`[${t('Actions of {0}', escapeMarkdown(serviceName))}](${serviceReferenceUrl(serviceName, 'actions')})`);
  return parts.join('\n\n');
}

/** What a condition key's type means for the operators and values it takes. */
function typeHint(type: string, t: Localize): string | undefined {
  switch (type) {
    case 'String':
      return t('Compare it with String operators (`StringEquals`, `StringLike` …).');
    case 'ArrayOfString':
      return t('Multivalued: use `ForAnyValue:` or `ForAllValues:` with String operators.');
    case 'ARN':
      return t('Compare it with ARN operators (`ArnEquals`, `ArnLike` …) or String operators.');
    case 'ArrayOfARN':
      return t('Multivalued: use `ForAnyValue:` or `ForAllValues:` with ARN operators.');
    case 'Bool':
      return t('Compare it with `Bool` and the value `true` or `false`.');
    case 'ArrayOfBool':
      return t('Multivalued: use `ForAnyValue:` or `ForAllValues:` with `Bool`.');
    case 'Numeric':
      return t('Compare it with Numeric operators (`NumericEquals`, `NumericLessThan` …).');
    case 'Date':
      return t('Compare it with Date operators (`DateGreaterThan` …) and an ISO 8601 date or epoch seconds.');
    case 'IPAddress':
      return t('Compare it with `IpAddress` or `NotIpAddress` and addresses or CIDR ranges.');
    case 'ArrayOfIPAddress':
      return t('Multivalued: use `ForAnyValue:` or `ForAllValues:` with `IpAddress`.');
    default:
      return undefined;
  }
}

/** A condition key resolved for display: its data entry, whether it is global, its meaning and page. */
export interface ResolvedConditionKey {
  info: IamConditionKey;
  global: boolean;
  meaning: string;
  url: string;
}

/** Looks a condition key up (global keys first, then the service's own keys and their templates). */
export function resolveKey(iam: IamIndex, key: string): ResolvedConditionKey | undefined {
  // A template as the data spells it (`aws:ResourceTag/${TagKey}`) resolves like a key that fills it in.
  const info = resolveConditionKey(iam, key) ?? (hasVariableSpan(key) ? resolveConditionKey(iam, replaceVariableSpans(key, 'key')) : undefined);
  if (!info) return undefined;
  const globalEntry = iam.globalConditionKey(info.key);
  if (globalEntry) {
    return { info, global: true, meaning: globalKeyMeaning(info.key) ?? info.description, url: globalKeyDocUrl(info.key) };
  }
  const colon = info.key.indexOf(':');
  const service = colon > 0 ? info.key.slice(0, colon) : '';
  // A service's data repeats some `aws:` keys (aws:ResourceTag/${TagKey}) with its own wording: keep that.
  const meaning = info.description || globalKeyMeaning(info.key.replace(/\$\{[^}]*\}$/, 'tag-key')) || '';
  const url = service === 'aws' ? globalKeyDocUrl(info.key) : serviceReferenceUrl(iam.serviceName(service), 'conditionKeys');
  return { info, global: service === 'aws', meaning, url };
}

/** The Markdown of a condition key: its type and what that means, what it holds, and its reference page. */
export function describeConditionKey(iam: IamIndex, key: string, t: Localize): string {
  const resolved = resolveKey(iam, key);
  if (!resolved) {
    const colon = key.indexOf(':');
    const service = colon > 0 ? key.slice(0, colon) : '';
    const parts = [`**${code(key)}**`];
    if (colon <= 0) parts.push(t('A condition key is written {0}, such as {1}.', code('service:KeyName'), code('aws:SourceIp')));
    else if (service.toLowerCase() !== 'aws' && !iam.hasService(service)) parts.push(t('{0} is not a service prefix in the IAM data.', code(service)));
    else parts.push(t('Not a condition key in the IAM data.'));
    return parts.join('\n\n');
  }
  const { info, global, meaning, url } = resolved;
  const parts: string[] = [];
  const title = info.key.toLowerCase() === key.toLowerCase() ? code(info.key) : `${code(key)} (${code(info.key)})`;
  parts.push(`**${title}** · ${escapeMarkdown(info.type || t('unknown type'))}`);
  // Our own meanings (global keys) are in the l10n bundle; the IAM data's descriptions come back as they are.
  if (meaning) parts.push(escapeMarkdown(t(meaning)));
  if (global) {
    const category = iam.globalConditionKey(info.key)?.category;
    parts.push(category ? t('Global condition key ({0}): available in every request where it applies.', category) : t('Global condition key: available in every request where it applies.'));
  } else {
    const colon = info.key.indexOf(':');
    const serviceName = iam.serviceName(info.key.slice(0, colon));
    parts.push(t('Condition key of {0}.', escapeMarkdown(serviceName ?? info.key.slice(0, colon))));
  }
  const hint = typeHint(info.type, t);
  if (hint) parts.push(hint);
  parts.push(`[${global ? t('Global condition keys in the IAM User Guide') : t('Condition keys in the Service Authorization Reference')}](${url})`);
  return parts.join('\n\n');
}

/** The Markdown of a service setting id (or id pattern): what the setting controls and the values it takes. */
export function describeServiceSetting(id: string, t: Localize): string {
  const setting = serviceSettingById(id);
  if (setting) return settingMarkdown(setting, t);
  const parts = [`**${t('Service setting')}** ${code(id)}`];
  if (/[*?]/.test(id)) {
    const matched = serviceSettingsMatching(id);
    parts.push(matched.length === 1 ? t('Matches 1 documented setting:') : t('Matches {0} documented settings:', matched.length));
    if (matched.length > 0) parts.push(matched.slice(0, WILDCARD_LIST_LIMIT).map((s) => `- ${code(s.id)}`).join('\n'));
    if (patternReachesOpenNamespace(id)) parts.push(t('It can also match settings AWS adds without documenting them in the API reference.'));
    return parts.join('\n\n');
  }
  const ns = serviceSettingNamespace(id);
  if (ns?.open) {
    parts.push(t('A setting of {0} that this tool does not list; AWS adds settings there without listing them in the API reference.', escapeMarkdown(ns.description)));
    return parts.join('\n\n');
  }
  parts.push(t('Not a documented service setting id.'));
  const close = closestServiceSettingId(id);
  if (close) parts.push(t('Did you mean {0}?', code(close)));
  return parts.join('\n\n');
}

function settingMarkdown(s: ServiceSettingInfo, t: Localize): string {
  const parts = [`**${t('Service setting')}** ${code(s.id)}`, escapeMarkdown(t(s.description))];
  if (s.allowedValues) parts.push(t('**Allowed values:** {0}', s.allowedValues.map(code).join(', ')));
  else if (s.valueExample) parts.push(t('**Value:** free-form, such as {0}', code(s.valueExample)));
  if (s.defaultValue !== undefined) parts.push(t('**Default:** {0}', code(s.defaultValue)));
  parts.push(t('Read with `ssm:GetServiceSetting`, changed with `ssm:UpdateServiceSetting`, restored with `ssm:ResetServiceSetting`; one value per account and Region.'));
  parts.push(`[${t('Documentation')}](${s.docUrl})`);
  return parts.join('\n\n');
}

/** The Markdown of an ARN: a table of its fields with what each means here, and the resource types it can name. */
export function describeArn(iam: IamIndex, arn: string, t: Localize): string {
  const parsed = parseArn(arn);
  if (!parsed) {
    return [`**ARN** ${code(arn)}`, t('An ARN has six fields: {0}.', code('arn:partition:service:region:account-id:resource'))].join('\n\n');
  }
  const { partition, service, region, account, resource } = parsed;
  const serviceName = iam.serviceName(service);
  const types = serviceName ? ownResourceTypes(iam, service).filter((rt) => arnCanMatchType(arn, rt)) : [];
  const templates = types.flatMap((rt) => templatesOf(rt).map((tpl) => parseArn(tpl))).filter((p) => p !== undefined);
  const any = (field: string): boolean => /^\*+$/.test(field);
  const wild = t('any (wildcard)');

  const partitionNote = any(partition) ? wild : (partitionById(partition)?.name ?? t('unknown partition'));
  const serviceNote = any(service) ? wild : (serviceName ? escapeMarkdown(serviceName) : t('unknown service'));
  let regionNote: string;
  if (region === '') {
    regionNote = templates.length > 0 && templates.every((p) => p.region === '') ? t('empty: these resources are not Regional') : t('empty');
  } else if (any(region)) regionNote = wild;
  else if (region.includes('${')) regionNote = t('policy variable');
  else {
    const p = partitionOfRegion(region);
    regionNote = p ? (p.id === partition || any(partition) ? t('Region of {0}', p.name) : t('a Region of {0}, not of {1}', p.id, partition)) : t('unknown Region');
  }
  let accountNote: string;
  if (account === '') {
    const doc = service === 'ssm' && resource.startsWith('document/') ? awsOwnedDocumentPrefix(resource.slice('document/'.length)) : undefined;
    if (doc) accountNote = t('empty: SSM documents that AWS owns ({0}…) have no account', doc);
    else if (service === 'ssm' && resource.startsWith('document/')) accountNote = t('empty: only documents that AWS owns (such as AWS-RunShellScript) have no account');
    else if (templates.length > 0 && templates.every((p) => p.account === '')) accountNote = t('empty: these resources have no account field');
    else accountNote = t('empty');
  } else if (any(account)) accountNote = wild;
  else if (isNamedAccount(service, account)) accountNote = account === 'aws' ? t('aws: a resource that AWS manages (such as an AWS managed policy)') : account;
  else if (/^\d{12}$/.test(account)) accountNote = t('account ID');
  else if (account.includes('${')) accountNote = t('policy variable');
  else accountNote = t('not a 12-digit account ID');
  const resourceNote = types.length > 0 ? types.map((rt) => code(rt.key)).join(', ') : any(resource) ? wild : '';

  const cell = (v: string): string => (v === '' ? '' : code(v));
  const rows = [
    `| ${t('Partition')} | ${cell(partition)} | ${partitionNote} |`,
    `| ${t('Service')} | ${cell(service)} | ${serviceNote} |`,
    `| ${t('Region')} | ${cell(region)} | ${regionNote} |`,
    `| ${t('Account')} | ${cell(account)} | ${accountNote} |`,
    `| ${t('Resource')} | ${cell(resource)} | ${resourceNote} |`,
  ];
  const parts = [`**ARN** ${code(arn)}`, [`| ${t('Field')} | ${t('Value')} | |`, '|---|---|---|', ...rows].join('\n')];
  if (types.length > 0 && types.length <= 5) {
    parts.push(types.map((rt) => `${code(rt.key)}: ${templatesOf(rt).map(code).join(', ')}`).join('  \n'));
  } else if (types.length > 5) {
    parts.push(t('Can name resources of {0} resource types of {1}.', types.length, escapeMarkdown(serviceName ?? service)));
  }
  if (service === 'ssm' && resource.startsWith('servicesetting/')) {
    parts.push(describeServiceSetting(resource.slice('servicesetting'.length), t));
  }
  if (serviceName) parts.push(`[${t('Resource types of {0}', escapeMarkdown(serviceName))}](${serviceReferenceUrl(serviceName, 'resources')})`);
  return parts.join('\n\n');
}
