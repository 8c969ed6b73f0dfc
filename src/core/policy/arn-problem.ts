/**
 * What is wrong with one ARN, as the ARN rules diagnose it: a message id of the rule that found it, the values for
 * its message and, when the diagnosis has one, the corrected ARN (a did-you-mean included). The Resource rules and
 * condition-arn-value (ARNs in condition values) share these diagnoses and word their own messages.
 */
export interface ArnProblem {
  messageId: string;
  data: Record<string, string>;
  /**
   * The corrected ARN, when the diagnosis has one. It changes which resources the ARN names, so the rules offer it as
   * a suggestion only, never as a fix.
   */
  replacement?: string;
}
