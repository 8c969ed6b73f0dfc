import { iam as sharedIam, type IamIndex } from '../iam';
import { parseArn } from '../policy/arn';
import { parseOperator, suggestOperator } from '../policy/condition-operators';
import { MAX_EDITOR_TEXT_LENGTH } from '../policy/limits';
import type { PolicyKind } from '../policy/types';
import { diagnoseServicePrincipal } from '../policy/service-principals';
import { describeOperator } from '../schema/condition-schema';
import type { Locale } from '../i18n';
import { serviceSettingNamespace } from '../ssm/service-settings';
import { cursorContext, variableAt, type CursorContext } from './cursor';
import {
  code,
  describeAction,
  describeActionPattern,
  describeArn,
  describeConditionKey,
  describeServiceSetting,
  escapeMarkdown,
} from './describe';
import { formatMessage, type Localize } from './localize';

/** What a hover is about; the editor may drop kinds another provider already covers (operators: the JSON schema). */
export type HoverKind = 'action' | 'actionPattern' | 'conditionKey' | 'operator' | 'arn' | 'serviceSetting' | 'servicePrincipal';

/** A hover: Markdown and the text range it is about. */
export interface PolicyHover {
  kind: HoverKind;
  markdown: string;
  offset: number;
  length: number;
}

/** Options shared by the hover and completion providers. */
export interface LanguageOptions {
  /** The IAM data; the process-wide index by default. */
  iam?: IamIndex;
  /** Translates the fixed phrases; `vscode.l10n.t` in the editor. */
  localize?: Localize;
  /** The policy kind, when known from the file name or settings. */
  kind?: PolicyKind;
  /** The language of the texts kept as English and Japanese pairs (condition operators); English by default. */
  locale?: Locale;
}

/** No service data: only the list of services (for their names). */
const NO_SERVICES: string[] = [];

/**
 * The hover at an offset of a policy text: an action, a wildcard action, a condition key (also inside a policy
 * variable), a condition operator, an ARN, a service setting id or a service principal. Loads the IAM data it needs.
 */
export async function getHover(text: string, offset: number, options: LanguageOptions = {}): Promise<PolicyHover | undefined> {
  // Beyond the editor's limit a hover would parse the whole document on the extension host's thread.
  if (text.length > MAX_EDITOR_TEXT_LENGTH) return undefined;
  const iam = options.iam ?? sharedIam;
  const t = options.localize ?? formatMessage;
  const ctx = cursorContext(text, offset, options.kind);
  const token = ctx.token;
  if (!token) return undefined;
  const whole = { offset: token.offset, length: token.length };

  const variable = variableAt(token, text, ctx.offset);
  if (variable && variable.key) {
    await ensureFor(iam, [serviceOf(variable.key)], [variable.key]);
    return { kind: 'conditionKey', markdown: describeConditionKey(iam, variable.key, t), offset: variable.offset, length: variable.length };
  }

  const element = ctx.element;
  const head = element?.[0];
  const value = token.value;
  if (token.isKey) {
    if (head === 'Condition' && element?.length === 3) {
      await ensureFor(iam, [serviceOf(value)], [value]);
      return { kind: 'conditionKey', markdown: describeConditionKey(iam, value, t), ...whole };
    }
    if (head === 'Condition' && element?.length === 2) return { kind: 'operator', markdown: operatorMarkdown(value, t, options.locale), ...whole };
    return undefined;
  }

  if ((head === 'Action' || head === 'NotAction') && isListItem(element)) {
    await ensureFor(iam, [serviceOf(value)]);
    return { ...actionHover(iam, value, head === 'NotAction', t), ...whole };
  }
  if ((head === 'Principal' || head === 'NotPrincipal') && element?.[1] === 'Service' && isListItem(element.slice(1))) {
    await ensureFor(iam, NO_SERVICES);
    return { kind: 'servicePrincipal', markdown: servicePrincipalMarkdown(iam, value, t), ...whole };
  }
  if (value.startsWith('arn:')) {
    await ensureFor(iam, [parseArn(value)?.service ?? '']);
    return { kind: 'arn', markdown: describeArn(iam, value, t), ...whole };
  }
  if (looksLikeSettingId(value)) {
    return { kind: 'serviceSetting', markdown: describeServiceSetting(value, t), ...whole };
  }
  return undefined;
}

/** `["Action"]` (a string value) or `["Action", n]` (an item of an array). */
function isListItem(element: CursorContext['element']): boolean {
  return element !== undefined && (element.length === 1 || (element.length === 2 && typeof element[1] === 'number'));
}

function actionHover(iam: IamIndex, value: string, negated: boolean, t: Localize): Omit<PolicyHover, 'offset' | 'length'> {
  const colon = value.indexOf(':');
  const name = colon > 0 ? value.slice(colon + 1) : '';
  if (colon > 0 && name && !/[*?]/.test(name)) {
    const action = iam.action(value.slice(0, colon), name);
    if (action) {
      const markdown = describeAction(iam, action, t);
      return {
        kind: 'action',
        markdown: negated ? `${markdown}\n\n${t('Under `NotAction`, the statement applies to every action **except** this one.')}` : markdown,
      };
    }
  }
  return { kind: 'actionPattern', markdown: describeActionPattern(iam, value, negated, t) };
}

function operatorMarkdown(name: string, t: Localize, locale: Locale = 'en'): string {
  if (parseOperator(name).known) return describeOperator(name, locale).markdownDescription;
  const suggestion = suggestOperator(name);
  const parts = [`**${code(name)}**`, t('Not a condition operator (operator names are case-sensitive).')];
  if (suggestion) parts.push(t('Did you mean {0}?', code(suggestion)));
  return parts.join('\n\n');
}

function servicePrincipalMarkdown(iam: IamIndex, value: string, t: Localize): string {
  const parts = [`**${code(value)}**`];
  const problem = diagnoseServicePrincipal(value);
  if (problem) {
    parts.push(t('Not a well-formed service principal: they are written {0}.', code('service.amazonaws.com')));
    if (problem.suggestion) parts.push(t('Did you mean {0}?', code(problem.suggestion)));
    return parts.join('\n\n');
  }
  const name = value.split('.')[0] ?? '';
  const serviceName = iam.serviceName(name);
  parts.push(serviceName ? t('The service principal of {0}: the service itself acts, for example when it assumes the role.', escapeMarkdown(serviceName)) : t('A service principal: an AWS service that acts, for example when it assumes the role.'));
  return parts.join('\n\n');
}

/** A string that names a service setting: an id (or id pattern) of a known family, or any `/ssm/…` path. */
function looksLikeSettingId(value: string): boolean {
  if (!value.startsWith('/') || value.length > 300) return false;
  return serviceSettingNamespace(value) !== undefined || value.startsWith('/ssm/');
}

function serviceOf(name: string): string {
  const colon = name.indexOf(':');
  return colon > 0 ? name.slice(0, colon).toLowerCase() : '';
}

async function ensureFor(iam: IamIndex, services: string[], keys: string[] = []): Promise<void> {
  try {
    await iam.ensure(
      services.filter((s) => s && s.length < 100),
      keys.filter((k) => k.length < 200),
    );
  } catch {
    // Missing data leaves the hover with what is loaded: it says "unknown" rather than failing.
  }
}
