import type { PolicyKind } from '../policy/types';
import type { Edit, Severity } from '../rules/rule';

/**
 * The model shared by every template format (CloudFormation/SAM YAML and JSON, CDK output, Terraform): an extractor
 * reads a file with a real parser and hands over each policy it finds as a {@link TemplateValue} tree that keeps
 * where every value came from. The engine then lints each policy as JSON (src/core/embedded/lint.ts) and maps
 * findings and fixes back onto the source. Extractors never evaluate what cannot be known offline: a value built
 * from a parameter, a resource attribute or a Terraform expression is {@link UnknownValue} or a {@link TemplateString}.
 */

/** A range of the source file's text: UTF-16 offset and length, like every offset in the engine. */
export interface SourceSpan {
  offset: number;
  length: number;
}

/**
 * How a literal string is written in the source: given a new value, the exact source text that replaces the
 * literal's whole span (quotes included), or undefined when the value cannot be written there exactly (then no
 * fix is offered). YAML plain scalars, quoted scalars, JSON strings and HCL quoted strings each have one.
 */
export type LiteralWriter = (value: string) => string | undefined;

/**
 * What is known about a value that cannot be read offline. Pseudo parameters have a known shape
 * (`${AWS::Region}` is a Region, `${AWS::AccountId}` an account id …); anything else is `opaque`.
 */
export type UnknownShape = 'partition' | 'region' | 'account' | 'url-suffix' | 'opaque';

/** A literal string of the source. */
export interface LiteralString {
  type: 'string';
  value: string;
  span: SourceSpan;
  /** Set when the literal can be rewritten in place (see {@link LiteralWriter}). */
  write?: LiteralWriter;
  /**
   * Set when the source spells the value character for character (no escapes, no folding): the offset of the
   * value's first character in the source. Lets hover and sub-string ranges map exactly.
   */
  contentOffset?: number;
}

/** A number, boolean or null literal of the source. */
export interface LiteralScalar {
  type: 'number' | 'boolean' | 'null';
  value: number | boolean | null;
  span: SourceSpan;
}

/** A map (YAML mapping, JSON object, HCL object or block). */
export interface TemplateObject {
  type: 'object';
  entries: TemplateEntry[];
  span: SourceSpan;
}

/** One key of a {@link TemplateObject}. */
export interface TemplateEntry {
  key: string;
  keySpan: SourceSpan;
  /** Set when the key can be rewritten in place. */
  writeKey?: LiteralWriter;
  /** As {@link LiteralString.contentOffset}, for the key. */
  keyContentOffset?: number;
  value: TemplateValue;
  /** From the key's start to the value's end. */
  span: SourceSpan;
}

/** A sequence (YAML sequence, JSON array, HCL tuple). */
export interface TemplateArray {
  type: 'array';
  items: TemplateValue[];
  span: SourceSpan;
}

/** One part of a {@link TemplateString} that cannot be known offline. */
export interface UnknownPart {
  /** How the source writes it, for messages: `${AWS::Region}`, `${var.region}`, `!Ref Bucket`. */
  text: string;
  shape: UnknownShape;
  span: SourceSpan;
}

/** A string built from literal parts and unknown parts (`!Sub`, `Fn::Join`, an HCL template with `${…}`). */
export interface TemplateString {
  type: 'template';
  /** Literal strings and unknown parts, in order; adjacent literals may be merged or not. */
  parts: (string | UnknownPart)[];
  span: SourceSpan;
}

/** A value that is wholly unknown offline (`!Ref Param`, `!GetAtt`, `!If`, a `for` expression, a `dynamic` block). */
export interface UnknownValue {
  type: 'unknown';
  /** How the source writes it, shortened for messages. */
  text: string;
  shape: UnknownShape;
  span: SourceSpan;
}

export type TemplateValue = LiteralString | LiteralScalar | TemplateObject | TemplateArray | TemplateString | UnknownValue;

/** One policy found in a template. */
export interface EmbeddedPolicy {
  /** From where the policy sits: a role's assume-role policy is `trust`, a bucket or key policy `resource` … */
  kind: PolicyKind;
  /** The policy document. */
  value: TemplateValue;
  /** Where it sits, for messages and the CLI: `Resources.InstanceRole.Properties.AssumeRolePolicyDocument`. */
  location: string;
  /** The resource (logical id or Terraform address) it belongs to, for the Apply command: `InstanceRole`, `aws_iam_role.ssm`. */
  resource?: string;
  /**
   * Set when the source holds this policy as exact JSON text (a JSON template, a Terraform heredoc without
   * interpolation): that text, which starts at `value.span.offset`. When the policy holds no unknown value it is
   * linted as it stands, so every finding and fix maps by a shift.
   */
  verbatim?: string;
}

/** A finding about the template itself (syntax, unsupported constructs, `aws_ssm_service_setting`), by a registered rule. */
export interface TemplateFinding {
  ruleId: string;
  messageId: string;
  data?: Record<string, string>;
  span: SourceSpan;
  severity?: Severity;
  /** Edits of the source text that keep what the template means (the rule must be fixable). */
  fix?: Edit[];
  /** Edits of the source text a user may choose (the message id names the title in the rule's messages). */
  suggestions?: { messageId: string; data?: Record<string, string>; fix: Edit[] }[];
}

/** The template formats the engine reads. */
export type TemplateFormat = 'cloudformation-yaml' | 'cloudformation-json' | 'terraform';

/** What an extractor found in one file. */
export interface ExtractedTemplate {
  format: TemplateFormat;
  policies: EmbeddedPolicy[];
  findings: TemplateFinding[];
}
