import type { WriteOutcome } from '../aws/writes';
import type { LintFinding } from '../lint';
import type { RecordedState } from './rollback';
import type { PolicyKind } from '../policy/types';

/** How a policy goes onto a role; only the modes that fit the policy kind are offered. */
export type ApplyMode = 'inline' | 'trust' | 'attachManaged' | 'customerManaged';

/** The policy to apply: a document's text, a catalog entry, or an AWS managed policy by name. */
export type PolicySource =
  | { type: 'text'; text: string; kind?: PolicyKind; label: string }
  | { type: 'catalog'; entryId: string }
  | { type: 'awsManaged'; name: string };

/** The role to apply it to: an existing one, or one to create. */
export type RoleTarget =
  | { type: 'existing'; roleName: string }
  | { type: 'new'; roleName: string; path: string; trustPolicyText: string };

/** What the user asked for. `policyName` names the inline or customer managed policy. */
export interface ApplyRequest {
  policy: PolicySource;
  role: RoleTarget;
  mode: ApplyMode;
  policyName?: string;
}

/** The linter's verdict on the document about to be written: errors block, warnings need "apply anyway". */
export interface ApplyGate {
  errors: LintFinding[];
  warnings: LintFinding[];
  blocked: boolean;
}

/** One IAM call of a plan, described for the confirmation and the log. */
export interface ApplyStep {
  action:
    | 'CreateRole'
    | 'PutRolePolicy'
    | 'UpdateAssumeRolePolicy'
    | 'AttachRolePolicy'
    | 'CreatePolicy'
    | 'CreatePolicyVersion'
    | 'DeletePolicyVersion'
    | 'CreateInstanceProfile'
    | 'AddRoleToInstanceProfile';
  /** What it does, in words ("put inline policy SessionManager on role …"). */
  description: string;
  /** The role the call is about (added by the engine: what the executor needs, besides the plan's documents). */
  roleName?: string;
  /** The inline or customer managed policy's name. */
  policyName?: string;
  /** The managed policy's ARN (AttachRolePolicy, CreatePolicyVersion, DeletePolicyVersion; CreatePolicy: the ARN it will get). */
  policyArn?: string;
  /** DeletePolicyVersion: the version deleted (the oldest non-default one, for the five-versions limit). */
  versionId?: string;
  /** CreateInstanceProfile, AddRoleToInstanceProfile: the instance profile (named like the role). */
  instanceProfileName?: string;
}

/** What applying would do: the current and proposed documents (pretty-printed, decoded) and the calls. */
export interface ApplyPlan {
  request: ApplyRequest;
  accountId: string;
  roleArn: string;
  /** The role's current document for this mode ("" when there is none), pretty-printed. */
  currentText: string;
  /** The document that would be written, pretty-printed, placeholders filled. */
  proposedText: string;
  gate: ApplyGate;
  /** True when the proposed document equals the current one: nothing is written. */
  noChange: boolean;
  steps: ApplyStep[];
  /** For a new role: the gate of its trust policy alone (its findings' ranges are in that text); merged into `gate`. */
  trustGate?: ApplyGate;
  /** What was there before, as read while planning: what a rollback restores. */
  recorded?: RecordedState;
}

/** What happened: the steps done, the one that failed, and what was rolled back. */
export interface ApplyOutcome {
  done: ApplyStep[];
  /**
   * The step that failed: `notApplied` when AWS refused it or reading the state back shows it did not happen,
   * `unknown` when neither the answer nor the read-back tells (`check` says what to look at).
   */
  failed?: { step: ApplyStep; message: string; outcome?: Exclude<WriteOutcome, 'applied'>; check?: string };
  /** Steps whose call failed ambiguously (lost response, timeout, 5xx) and that reading the state back shows applied. */
  settled?: { step: ApplyStep; message: string }[];
  rolledBack: ApplyStep[];
  noChange: boolean;
  /** Every IAM call made, in order, with its outcome (rollback calls included); no document text, no secret. */
  log?: ApplyLogEntry[];
  /** Undo calls that failed: what is left behind and must be cleaned up by hand. */
  rollbackFailed?: { step: ApplyStep; message: string }[];
  /** Changes the rollback cannot put back, and why. */
  notRestorable?: { step: ApplyStep; reason: string }[];
}

/** One IAM call of an apply run, for the log channel. */
export interface ApplyLogEntry {
  /** The IAM action, e.g. `iam:PutRolePolicy`. */
  action: string;
  /** What it was about ("role Foo, policy Bar"). */
  subject: string;
  ok: boolean;
  /** Why it failed (the classified message). */
  message?: string;
  /** True for a call that undoes a step. */
  rollback?: boolean;
  /** After an ambiguous failure: what reading the state back showed. */
  readBack?: WriteOutcome;
}
