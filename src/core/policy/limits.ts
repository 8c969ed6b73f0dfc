/**
 * Documents longer than this (in characters) get no lint, hover or completion in the editor: each of those parses the
 * whole document on the extension host's thread. IAM takes at most 10,240 characters for a policy, and CloudFormation
 * at most 1 MB for a template, which may hold policies. The CLI has no such limit.
 */
export const MAX_EDITOR_TEXT_LENGTH = 1024 * 1024;
