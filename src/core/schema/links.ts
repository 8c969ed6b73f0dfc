/** The IAM User Guide, where every policy element has a reference page. */
export const IAM_DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

/** The AWS Organizations page that defines which elements an SCP may use. */
export const SCP_SYNTAX_DOC = 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html';

/** The IAM reference page of a policy element, e.g. `elementDoc('notaction')`. */
export function elementDoc(page: string): string {
  return `${IAM_DOCS}/reference_policies_elements_${page}.html`;
}
