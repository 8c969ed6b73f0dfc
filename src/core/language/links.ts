/** The Service Authorization Reference: actions, resource types and condition keys of every service. */
export const SERVICE_AUTHORIZATION_REFERENCE = 'https://docs.aws.amazon.com/service-authorization/latest/reference';

/** Which table of a service's page to link to. */
export type ServiceReferenceSection = 'actions' | 'resources' | 'conditionKeys';

const ANCHORS: Readonly<Record<ServiceReferenceSection, string>> = {
  actions: 'actions-as-permissions',
  resources: 'resources-for-iam-policies',
  conditionKeys: 'policy-keys',
};

/**
 * The Service Authorization Reference page of a service, from its display name: the page is named after the name
 * in lower case without spaces or punctuation ("AWS Systems Manager" → `list_awssystemsmanager.html`), and each
 * table has an anchor made the same way (`#awssystemsmanager-actions-as-permissions`).
 */
export function serviceReferenceUrl(serviceName: string | undefined, section?: ServiceReferenceSection): string {
  const slug = (serviceName ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  if (!slug) return `${SERVICE_AUTHORIZATION_REFERENCE}/reference_policies_actions-resources-contextkeys.html`;
  const page = `${SERVICE_AUTHORIZATION_REFERENCE}/list_${slug}.html`;
  return section ? `${page}#${slug}-${ANCHORS[section]}` : page;
}
