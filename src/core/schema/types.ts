/**
 * The subset of draft-07 JSON Schema the policy schemas use, plus the keywords VS Code's JSON language service
 * reads for hover, completion and messages (markdownDescription, defaultSnippets, allowComments …). The policy
 * schemas use the annotations only (see build-schemas.ts); the validation keywords remain for other schemas' sake.
 * https://code.visualstudio.com/docs/languages/json#_json-schemas-and-settings
 */
export interface JsonSchema {
  $schema?: string;
  $comment?: string;
  /** VS Code, at the root: comments are not reported in the files the schema is associated with. */
  allowComments?: boolean;
  /** VS Code, at the root: trailing commas are not reported in the files the schema is associated with. */
  allowTrailingCommas?: boolean;
  $ref?: string;
  title?: string;
  description?: string;
  /** VS Code: Markdown shown on hover and in completion details instead of `description`. */
  markdownDescription?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  /** VS Code: one plain description per `enum` value. */
  enumDescriptions?: string[];
  /** VS Code: one Markdown description per `enum` value. */
  markdownEnumDescriptions?: string[];
  pattern?: string;
  /** VS Code: the message shown when `pattern` does not match. */
  patternErrorMessage?: string;
  /** VS Code: replaces the built-in message of a failed `type`, `enum`, `const` or disallowed property. */
  errorMessage?: string;
  /** VS Code: a warning shown wherever the property is used; the property is no longer suggested. */
  deprecationMessage?: string;
  /** VS Code: leave the property out of completion. */
  doNotSuggest?: boolean;
  /** VS Code: skeletons offered by completion; `${1:text}` placeholders as in snippets. */
  defaultSnippets?: DefaultSnippet[];
  properties?: Record<string, JsonSchema | boolean>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
}

/** The `type` names of JSON Schema. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** A completion skeleton: `body` is inserted as JSON, its strings may hold snippet placeholders. */
export interface DefaultSnippet {
  label: string;
  description?: string;
  markdownDescription?: string;
  body: unknown;
}

/** The keywords above that are not JSON Schema: validators must be told they are annotations. */
export const VSCODE_SCHEMA_KEYWORDS: readonly string[] = [
  'allowComments',
  'allowTrailingCommas',
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'errorMessage',
  'deprecationMessage',
  'doNotSuggest',
  'defaultSnippets',
];
