/**
 * How the readiness of managed nodes shows in the DHMC view (pure): a row per instance under its Region, a row per
 * reason under the instance, the fix each reason row offers (by its context value), the Region's short summary, and
 * the confirmations of the fixes. The view (src/features/dhmc) dresses tree items with these.
 */
import { formatMessage, type Localize } from '../language/localize';
import { escapeMarkdown } from '../util/markdown';
import { reasonText, summaryText, verdictLabel, type InstanceReadiness, type ReadinessReason, type ReadinessSummary, type ReadinessVerdict } from './readiness';
import { accountLine, type Confirmation, type ConfirmationContext } from './plan';

/** The order of the verdicts in a Region's list: what needs attention first. */
const VERDICT_ORDER: readonly ReadinessVerdict[] = ['not-managed', 'pending', 'managed-profile', 'managed-dhmc', 'not-running'];

/** The codicon of each verdict (coloured by the view: pass green, error red). */
export const READINESS_ICONS: Readonly<Record<ReadinessVerdict, string>> = {
  'managed-dhmc': 'pass-filled',
  'managed-profile': 'pass',
  pending: 'watch',
  'not-managed': 'error',
  'not-running': 'debug-stop',
};

/** The context value of an instance row; `managedNodeImdsOptional` offers Require IMDSv2. */
export type ManagedNodeContext = 'managedNode' | 'managedNodeImdsOptional';

/** The context value of a reason row: `readinessReason.<code>` (the fixes' menus match on it), or the not-checked row. */
export type ReasonContext = `readinessReason.${ReadinessReason['code']}` | 'readinessNotChecked';

/** A row as the view shows it. */
export interface ReadinessRowView {
  label: string;
  description?: string;
  /** Markdown, not trusted (it holds names from the account). */
  tooltip: string;
  icon: string;
  contextValue: string;
}

/** The instances of a Region in view order: by verdict (what needs attention first), then by id. */
export function sortForView(instances: readonly InstanceReadiness[]): InstanceReadiness[] {
  const rank = (v: ReadinessVerdict): number => VERDICT_ORDER.indexOf(v);
  return [...instances].sort((a, b) => rank(a.verdict) - rank(b.verdict) || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
}

/** The row of one instance: its id, its verdict (and Name tag), the reasons in the tooltip. */
export function instanceRow(r: InstanceReadiness, t: Localize = formatMessage): ReadinessRowView {
  const verdict = verdictLabel(r.verdict, t);
  const lines = [`**${escapeMarkdown(r.instanceId)}**${r.name ? ` · ${escapeMarkdown(r.name)}` : ''}`, '', escapeMarkdown(verdict)];
  if (r.reasons.length > 0) lines.push('', ...r.reasons.map((x) => `- ${escapeMarkdown(reasonText(x, t))}`));
  if (r.notChecked.includes('network')) lines.push('', escapeMarkdown(t('Not checked: the network path to the Systems Manager endpoints.')));
  return {
    label: r.instanceId,
    description: r.name ? `${verdict} · ${r.name}` : verdict,
    tooltip: lines.join('\n'),
    icon: READINESS_ICONS[r.verdict],
    contextValue: r.reasons.some((x) => x.code === 'imdsOptional') ? 'managedNodeImdsOptional' : 'managedNode',
  };
}

/** The row of one reason; its context value offers the fix (Require IMDSv2, Enable DHMC, attach the policy). */
export function reasonRow(reason: ReadinessReason, t: Localize = formatMessage): ReadinessRowView {
  const text = reasonText(reason, t);
  const icon = reason.code === 'pending' ? 'watch' : reason.code === 'profilePrecedence' || reason.code === 'profileUnread' ? 'info' : 'warning';
  return { label: text, tooltip: escapeMarkdown(text), icon, contextValue: `readinessReason.${reason.code}` };
}

/** The row that says what was not checked. */
export function notCheckedRow(t: Localize = formatMessage): ReadinessRowView {
  const text = t('Not checked: the network path to the Systems Manager endpoints.');
  return {
    label: text,
    tooltip: escapeMarkdown(t('The network path (VPC endpoints, NAT, security groups, proxies) cannot be read from the APIs; it was not checked.')),
    icon: 'question',
    contextValue: 'readinessNotChecked',
  };
}

/** The short summary a Region row shows after its description: `38/41 managed`, `3 pending`. */
export function shortSummary(s: ReadinessSummary, t: Localize = formatMessage): string {
  const running = s.total - s.notRunning;
  const parts = [t('{0}/{1} managed', s.managed, running)];
  if (s.pending > 0) parts.push(t('{0} pending', s.pending));
  return parts.join(', ');
}

/** The Region's line of the status bar tooltip and the view: `us-east-1: 38 of 41 running instances managed; 3 need IMDSv2`. */
export function regionSummaryLine(region: string, s: ReadinessSummary, t: Localize = formatMessage): string {
  return t('{0}: {1}', region, summaryText(s, t));
}

/** The confirmation before requiring IMDSv2: the account, the Region and one call per instance, and what may break. */
export function imdsConfirmation(region: string, instances: readonly { instanceId: string; name?: string }[], t: Localize = formatMessage, context: ConfirmationContext = { profile: t('default credentials') }): Confirmation {
  const n = instances.length;
  const message = n === 1 ? t('Require IMDSv2 on {0} in {1}?', instances[0]!.instanceId, region) : t('Require IMDSv2 on {0} instances in {1}?', n, region);
  const detail = [
    accountLine(context, t),
    '',
    ...instances.map((i) => t('ec2:ModifyInstanceMetadataOptions InstanceId={0} HttpTokens=required in {1}', i.instanceId, region)),
    '',
    t('Software on these instances that still reads instance metadata with IMDSv1 (no session token) stops getting it. SSM Agent 3.2.582.0 and later uses IMDSv2.'),
  ].join('\n');
  return { message, detail, confirm: t('Require IMDSv2') };
}

/** The confirmation before attaching the default policy to the DHMC role (IAM is global: every Region that names it). */
export function attachPolicyConfirmation(roleName: string, policyArn: string, regions: readonly string[], t: Localize = formatMessage, context: ConfirmationContext = { profile: t('default credentials') }): Confirmation {
  const detail = [
    accountLine(context, t),
    '',
    t('iam:AttachRolePolicy {0} to {1}', policyArn, roleName),
    '',
    t('IAM roles are global: instances in every Region whose DHMC setting names this role get these permissions ({0}).', regions.join(', ')),
  ].join('\n');
  return { message: t('Attach {0} to the DHMC role {1}?', policyArn.slice(policyArn.lastIndexOf('/') + 1), roleName), detail, confirm: t('Attach') };
}
