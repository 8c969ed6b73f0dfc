import type { PolicyKind } from '../policy/types';

/** A text in the two languages our users read (the docs we start from are the Japanese edition). */
export interface Localized {
  en: string;
  ja: string;
}

/** What a placeholder stands for; snippets offer a choice list for `region`. */
export type PlaceholderKind = 'region' | 'account' | 'kmsKey' | 'bucket' | 'tagKey' | 'tagValue' | 'roleName' | 'other';

/** A placeholder left in a documented policy for the reader to fill in. */
export interface CatalogPlaceholder {
  /**
   * The placeholder text as the docs write it, and the snippet tab stop's label (`region`, `account-id`,
   * `key-name`, `tag_key1`). It occurs inside `token`: filling replaces it there with a value.
   */
  name: string;
  /**
   * Where `name` stands in the policy, with enough context to be unique: `:region:` inside an ARN, `"key-name"`
   * as a whole value, `patch-baseline-snapshot-region` in a bucket name, or `tag_key1`. Every occurrence of the
   * token is filled (`:region:` → `:us-east-2:`); two placeholders never share a token.
   */
  token: string;
  kind: PlaceholderKind;
  /** What it stands for ("the AWS Region of the setting"). */
  meaning: Localized;
  /** How to fill it ("a Region code such as us-east-2"). */
  fill: Localized;
  /** A value that fills it correctly (`us-east-2`), put in place of `name` inside `token` by the tests. */
  example: string;
}

/** The kind of role or principal a policy belongs on. */
export type CatalogRole =
  | 'instance-profile'
  | 'dhmc-role'
  | 'hybrid-service-role'
  | 'quick-setup-role'
  | 'admin'
  | 'organization';

/** A finding that the policy gets even when filled in, and why that is expected. */
export interface ExpectedFinding {
  ruleId: string;
  why: Localized;
}

/** One policy documented in the Systems Manager user guide, or an AWS managed policy the guide attaches. */
export interface CatalogEntry {
  /** Stable id, also the snippet prefix: `ssm-dhmc-admin`, `ssm-session-manager`. */
  id: string;
  title: Localized;
  description: Localized;
  kind: PolicyKind;
  /** The page the policy comes from: its title and the name of the saved copy of the page it was written from. */
  source: { title: Localized; seed: string };
  role: CatalogRole;
  /** The policy exactly as documented, placeholders included (pretty-printed JSON, two-space indent). */
  text: string;
  placeholders: CatalogPlaceholder[];
  /** Findings the filled-in policy still gets (rule ids), each with its reason; none when absent. */
  expectedFindings?: ExpectedFinding[];
  /** AWS managed policies: a read-only reference, attached by name, never edited or inserted as a snippet. */
  managed?: { name: string; arn: string };
}
