/**
 * What is wrong with one ARN, as the ARN rules diagnose it: a message id of the rule that found it, the values for
 * its message and, when one edit corrects the ARN without guessing, the corrected ARN. The Resource rules and
 * condition-arn-value (ARNs in condition values) share these diagnoses and word their own messages.
 */
export interface ArnProblem {
  messageId: string;
  data: Record<string, string>;
  /** The corrected ARN, when the diagnosis has one. */
  replacement?: string;
}
