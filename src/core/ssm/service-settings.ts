import { editDistance } from '../util/did-you-mean';
import { wildcardMatches } from '../util/wildcard';

/** One account-level, per-Region Systems Manager service setting (GetServiceSetting / UpdateServiceSetting). */
export interface ServiceSettingInfo {
  /** The setting id, e.g. `/ssm/parameter-store/default-parameter-tier`; ARNs append it to `servicesetting`. */
  id: string;
  /** What the setting controls, in one or two sentences. */
  description: string;
  /** The values UpdateServiceSetting accepts, exactly as documented (case matters). */
  allowedValues?: readonly string[];
  /** For free-form values: a regular expression source the value must match. */
  valuePattern?: string;
  /** What a valid value looks like, for messages and completion; undefined when no reference shows one. */
  valueExample?: string;
  /** The value GetServiceSetting returns while the setting is at its default; undefined when not documented. */
  defaultValue?: string;
  /** The documentation page the id and its values come from. */
  docUrl: string;
  /** True when the UpdateServiceSetting API reference lists the id; other ids come from feature guides and AWS managed policies. */
  inApiReference: boolean;
}

/** A family of setting ids; `open` families may hold ids this table does not list. */
export interface ServiceSettingNamespace {
  /** Leading part of the ids, ending in `/`, e.g. `/ssm/opsdata/`. */
  prefix: string;
  description: string;
  /** True when AWS adds ids here without listing them in the API reference, so an unlisted id may still be real. */
  open: boolean;
}

const API_REFERENCE = 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateServiceSetting.html';
const USER_GUIDE = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/';

/** The id of the Default Host Management Configuration setting. */
export const DHMC_SETTING_ID = '/ssm/managed-instance/default-ec2-instance-management-role';

/** IAM role names (1–64 of `\w+=,.@-`), optionally after a path such as `service-role/`. */
const ROLE_NAME_WITH_PATH = '^(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}$';
/** CloudWatch Logs log group names. */
const LOG_GROUP_NAME = '^[.\\-_/#A-Za-z0-9]{1,512}$';

/** Every service setting id this tool knows, with its values and the page that documents it. */
export const SERVICE_SETTINGS: readonly ServiceSettingInfo[] = [
  {
    id: '/ssm/appmanager/appmanager-enabled',
    description: 'Turns Application Manager on or off for the account and Region.',
    allowedValues: ['True', 'False'],
    valueExample: 'True',
    docUrl: API_REFERENCE,
    inApiReference: true,
  },
  {
    id: '/ssm/automation/customer-script-log-destination',
    description: 'Where Automation sends the output of aws:executeScript steps; CloudWatch is the only destination. Reset turns the logging off.',
    allowedValues: ['CloudWatch'],
    valueExample: 'CloudWatch',
    docUrl: `${USER_GUIDE}automation-action-logging.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/automation/customer-script-log-group-name',
    description: 'The CloudWatch Logs log group that receives aws:executeScript output when the log destination is CloudWatch.',
    valuePattern: LOG_GROUP_NAME,
    valueExample: 'my-log-group',
    docUrl: `${USER_GUIDE}automation-action-logging.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/automation/enable-adaptive-concurrency',
    description: 'Lets Automation scale the concurrency of runbook executions to the account quota instead of a fixed value.',
    allowedValues: ['True', 'False'],
    valueExample: 'True',
    defaultValue: 'False',
    docUrl: `${USER_GUIDE}adaptive-concurrency.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/documents/console/public-sharing-permission',
    description: 'Whether SSM documents of the account may be shared publicly; Disable turns on "Block public sharing".',
    allowedValues: ['Enable', 'Disable'],
    valueExample: 'Disable',
    defaultValue: 'Enable',
    docUrl: `${USER_GUIDE}documents-ssm-sharing.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/managed-instance/activation-tier',
    description: 'The instances tier for hybrid-activated (non-EC2) nodes: standard (up to 1,000 nodes) or advanced (paid; needed for more nodes and for Session Manager on them).',
    allowedValues: ['standard', 'advanced'],
    valueExample: 'advanced',
    defaultValue: 'standard',
    docUrl: `${USER_GUIDE}fleet-manager-configure-instance-tiers.html`,
    inApiReference: true,
  },
  {
    id: DHMC_SETTING_ID,
    description:
      'Default Host Management Configuration: the IAM role (name with its path) that Systems Manager uses to manage every EC2 instance of the account and Region without an instance profile; no role while it is off.',
    valuePattern: `(?:^\\$None$)|(?:${ROLE_NAME_WITH_PATH})`,
    valueExample: 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole',
    defaultValue: '$None',
    docUrl: `${USER_GUIDE}fleet-manager-default-host-management-configuration.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/opsinsights/opscenter',
    description: 'Turns OpsCenter on or off for the account and Region.',
    allowedValues: ['Enabled', 'Disabled'],
    valueExample: 'Enabled',
    docUrl: API_REFERENCE,
    inApiReference: true,
  },
  {
    id: '/ssm/parameter-store/default-parameter-tier',
    description: 'The tier PutParameter uses when a request names none: Standard, Advanced (paid) or Intelligent-Tiering.',
    allowedValues: ['Standard', 'Advanced', 'Intelligent-Tiering'],
    valueExample: 'Intelligent-Tiering',
    defaultValue: 'Standard',
    docUrl: `${USER_GUIDE}ps-default-tier.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/parameter-store/high-throughput-enabled',
    description: 'Raises the Parameter Store throughput quota (paid per API interaction).',
    allowedValues: ['true', 'false'],
    valueExample: 'true',
    defaultValue: 'false',
    docUrl: `${USER_GUIDE}parameter-store-throughput.html`,
    inApiReference: true,
  },
  {
    id: '/ssm/just-in-time-access/identity-provider',
    description: 'The identity provider that just-in-time node access uses; managed by the just-in-time node access Quick Setup.',
    valuePattern: '^.+$',
    docUrl: `${USER_GUIDE}systems-manager-just-in-time-node-access-change-identity-provider.html`,
    inApiReference: false,
  },
  ...(['Association', 'ComputeOptimizer', 'ConfigCompliance', 'ExplorerOnboarded', 'OpsData-TrustedAdvisor', 'SecurityHub', 'SupportCenterCase'] as const).map(
    (name): ServiceSettingInfo => ({
      id: `/ssm/opsdata/${name}`,
      description:
        name === 'ExplorerOnboarded'
          ? 'Records that Explorer and OpsCenter Integrated Setup ran for the account and Region.'
          : `Turns the ${name} OpsData source of Explorer on or off.`,
      allowedValues: ['Enabled', 'Disabled'],
      valueExample: 'Enabled',
      docUrl: `${USER_GUIDE}Explorer-setup.html`,
      inApiReference: false,
    }),
  ),
  ...(['EC2', 'ssm-patchmanager'] as const).map(
    (name): ServiceSettingInfo => ({
      id: `/ssm/opsitem/${name}`,
      description: `Turns the default OpsCenter rule that creates ${name} OpsItems on or off.`,
      allowedValues: ['Enabled', 'Disabled'],
      valueExample: 'Enabled',
      docUrl: `${USER_GUIDE}Explorer-setup-default-rules.html`,
      inApiReference: false,
    }),
  ),
];

/**
 * The families of setting ids. Closed families are fully listed in {@link SERVICE_SETTINGS};
 * open ones are known to hold ids that no reference lists (AWS managed policies grant `…/opsdata/*`, `integrations/*`).
 */
export const SERVICE_SETTING_NAMESPACES: readonly ServiceSettingNamespace[] = [
  { prefix: '/ssm/appmanager/', description: 'Application Manager', open: false },
  { prefix: '/ssm/automation/', description: 'Automation', open: false },
  { prefix: '/ssm/documents/', description: 'SSM documents', open: false },
  { prefix: '/ssm/managed-instance/', description: 'managed nodes', open: false },
  { prefix: '/ssm/opsinsights/', description: 'OpsCenter', open: false },
  { prefix: '/ssm/parameter-store/', description: 'Parameter Store', open: false },
  { prefix: '/ssm/just-in-time-access/', description: 'just-in-time node access', open: true },
  { prefix: '/ssm/opsdata/', description: 'Explorer OpsData sources', open: true },
  { prefix: '/ssm/opsitem/', description: 'OpsCenter default rules', open: true },
  { prefix: '/integrations/', description: 'Systems Manager integrations with other services', open: true },
];

const byId = new Map(SERVICE_SETTINGS.map((s) => [s.id, s]));

/** The setting with exactly this id (ids are case-sensitive, as IAM matches ARNs). */
export function serviceSettingById(id: string): ServiceSettingInfo | undefined {
  return byId.get(id);
}

/** The longest namespace whose prefix starts the id (case-sensitive). */
export function serviceSettingNamespace(id: string): ServiceSettingNamespace | undefined {
  let best: ServiceSettingNamespace | undefined;
  for (const ns of SERVICE_SETTING_NAMESPACES) {
    if (id.startsWith(ns.prefix) && (!best || ns.prefix.length > best.prefix.length)) best = ns;
  }
  return best;
}

/** The documented ids of a namespace. */
export function serviceSettingsIn(ns: ServiceSettingNamespace): ServiceSettingInfo[] {
  return SERVICE_SETTINGS.filter((s) => s.id.startsWith(ns.prefix));
}

/**
 * The setting id inside a `servicesetting` ARN resource part (`servicesetting/ssm/…` → `/ssm/…`),
 * or undefined when the resource is not a service setting.
 */
export function serviceSettingIdFromResource(resource: string): string | undefined {
  return resource.startsWith('servicesetting/') ? resource.slice('servicesetting'.length) : undefined;
}

/** Collapses repeated slashes, drops a trailing slash and adds the leading one. */
function normalizeSlashes(id: string): string {
  const collapsed = `/${id}`.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/**
 * The documented id a mistyped id most likely meant, or undefined when none is close.
 * Repairs slashes, a missing `/ssm` segment and letter case first, then allows a few edits;
 * inside an open namespace only the last segment may differ, by one edit, so a real but unlisted id is not "corrected".
 */
export function closestServiceSettingId(id: string): string | undefined {
  if (byId.has(id) || id.length > 300) return undefined;
  const normalized = normalizeSlashes(id);
  const repaired = normalized.startsWith('/ssm/') ? [normalized] : [normalized, normalizeSlashes(`ssm/${id}`)];
  for (const r of repaired) if (byId.has(r)) return r;
  const lower = new Map(SERVICE_SETTINGS.map((s) => [s.id.toLowerCase(), s.id]));
  for (const r of repaired) {
    const hit = lower.get(r.toLowerCase());
    if (hit) return hit;
  }
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const r of repaired) {
    const ns = serviceSettingNamespace(r);
    if (ns?.open) {
      const leaf = r.slice(ns.prefix.length);
      if (leaf.length < 8 || leaf.includes('/')) continue;
      for (const s of serviceSettingsIn(ns)) {
        const d = editDistance(leaf, s.id.slice(ns.prefix.length), 1);
        if (d <= 1 && d < bestDistance) {
          best = s.id;
          bestDistance = d;
        }
      }
      continue;
    }
    const max = Math.max(1, Math.min(4, Math.floor(r.length / 8)));
    for (const s of SERVICE_SETTINGS) {
      const d = editDistance(r, s.id, max);
      if (d <= max && d < bestDistance) {
        best = s.id;
        bestDistance = d;
      }
    }
  }
  return best;
}

/** The documented ids an IAM wildcard pattern for a setting id (`/ssm/*`, `/ssm/parameter-store/*`) matches. */
export function serviceSettingsMatching(pattern: string): ServiceSettingInfo[] {
  return SERVICE_SETTINGS.filter((s) => caseSensitiveMatch(pattern, s.id));
}

/** True when a wildcard pattern could also name an unlisted id of an open namespace. */
export function patternReachesOpenNamespace(pattern: string): boolean {
  const literal = pattern.split(/[*?]/)[0] ?? '';
  return SERVICE_SETTING_NAMESPACES.some(
    (ns) => ns.open && (literal.startsWith(ns.prefix) || ns.prefix.startsWith(literal)),
  );
}

/** IAM matches the resource part of an ARN case-sensitively (actions compare case-insensitively). */
function caseSensitiveMatch(pattern: string, text: string): boolean {
  return wildcardMatches(pattern, text, { caseSensitive: true });
}

/** True when a value is one UpdateServiceSetting accepts for the setting (undefined: the setting is unknown). */
export function isValidServiceSettingValue(id: string, value: string): boolean | undefined {
  const s = byId.get(id);
  if (!s) return undefined;
  if (s.allowedValues) return s.allowedValues.includes(value);
  return s.valuePattern ? new RegExp(s.valuePattern).test(value) : true;
}
