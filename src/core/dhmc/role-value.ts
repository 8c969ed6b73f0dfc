import type { Localize } from '../language/localize';
import { DHMC_ROLE_NAME, DHMC_ROLE_PATH } from '../ssm/dhmc';

/** An IAM role as the DHMC setting names it. */
export interface DhmcRole {
  /** The role name, e.g. `AWSSystemsManagerDefaultEC2InstanceManagementRole`. */
  name: string;
  /** The IAM path with both slashes, e.g. `/service-role/`; `/` for a role without a path. */
  path: string;
  /** The setting value: the path without its leading slash, then the name (`service-role/AWS…Role`). */
  value: string;
}

/** Why a text cannot be the DHMC setting value. */
export type DhmcValueProblem = 'empty' | 'none' | 'arn' | 'leadingSlash' | 'invalid';

/** Thrown by {@link dhmcSettingValue} for input that names no role. */
export class DhmcRoleValueError extends Error {
  constructor(
    readonly problem: DhmcValueProblem,
    input: string,
  ) {
    super(`Not a role for the DHMC setting (${problem}): ${input}`);
    this.name = 'DhmcRoleValueError';
  }
}

/** The value of the default role: `service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole`. */
export const DEFAULT_DHMC_ROLE: DhmcRole = {
  name: DHMC_ROLE_NAME,
  path: DHMC_ROLE_PATH,
  value: `${DHMC_ROLE_PATH.slice(1)}${DHMC_ROLE_NAME}`,
};

/** The value meaning "off". */
export const DHMC_NONE = '$None';

/** Path segments and names: IAM's `[\w+=,.@-]`, names at most 64 characters (as in ssm/service-settings). */
const SEGMENT = /^[\w+=,.@-]+$/;
const NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12})?:role\/(.+)$/;

/** Why the text cannot be the setting value, or undefined when it names a role (`name` or `path/name`). */
export function validateDhmcRoleValue(value: string): DhmcValueProblem | undefined {
  if (value.trim() === '') return 'empty';
  if (value === DHMC_NONE) return 'none';
  if (/^arn:/i.test(value)) return 'arn';
  if (value.startsWith('/')) return 'leadingSlash';
  const parts = value.split('/');
  const name = parts.pop() as string;
  return NAME.test(name) && parts.every((p) => SEGMENT.test(p)) ? undefined : 'invalid';
}

/** The role a setting value names, or undefined when the value is not a role name with an optional path. */
export function parseDhmcRoleValue(value: string): DhmcRole | undefined {
  if (validateDhmcRoleValue(value)) return undefined;
  const slash = value.lastIndexOf('/');
  return { name: value.slice(slash + 1), path: slash < 0 ? '/' : `/${value.slice(0, slash + 1)}`, value };
}

/** The role in a role ARN (`arn:aws:iam::111122223333:role/service-role/X`), or undefined for any other text. */
export function parseRoleArn(arn: string): DhmcRole | undefined {
  const m = ROLE_ARN.exec(arn.trim());
  return m ? parseDhmcRoleValue(m[2] as string) : undefined;
}

/**
 * The UpdateServiceSetting value for a role: its path without the leading slash, then its name; never an ARN.
 * Takes a role ARN (as ListRoles and GetRole return it) or a name and an IAM path (`/service-role/`, default `/`).
 * Throws {@link DhmcRoleValueError} when the input names no role, including an ARN passed as the name.
 */
export function dhmcSettingValue(role: { arn: string } | { name: string; path?: string }): string {
  if ('arn' in role) {
    const parsed = parseRoleArn(role.arn);
    if (!parsed) throw new DhmcRoleValueError('invalid', role.arn);
    return parsed.value;
  }
  const path = (role.path ?? '/').replace(/^\/+|\/+$/g, '');
  if (role.name.includes('/') || /^arn:/i.test(role.name)) throw new DhmcRoleValueError(/^arn:/i.test(role.name) ? 'arn' : 'invalid', role.name);
  const value = path ? `${path}/${role.name}` : role.name;
  const problem = validateDhmcRoleValue(value);
  if (problem) throw new DhmcRoleValueError(problem, value);
  return value;
}

/** The ARN of the role a setting value names, for iam:PassRole checks (`partition` defaults to `aws`). */
export function dhmcRoleArn(role: DhmcRole, accountId: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${accountId}:role/${role.value}`;
}

/** A plain-text message for an input box's validation: why the text cannot be the setting value. */
export function dhmcValueProblemMessage(problem: DhmcValueProblem, t: Localize): string {
  switch (problem) {
    case 'empty':
      return t('Enter the role name with its path, such as {0}.', DEFAULT_DHMC_ROLE.value);
    case 'none':
      return t('That value turns Default Host Management Configuration off; use Disable instead.');
    case 'arn':
      return t('Enter the role name with its path, not an ARN: such as {0}.', DEFAULT_DHMC_ROLE.value);
    case 'leadingSlash':
      return t('Leave out the leading slash: the value is the path without it, then the name, such as {0}.', DEFAULT_DHMC_ROLE.value);
    default:
      return t('Not an IAM role name with an optional path: use letters, digits and +=,.@_- only, with / between path and name.');
  }
}
