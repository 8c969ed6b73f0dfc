import type { PolicyRule } from './rule';

/**
 * What stops a template (CloudFormation/SAM YAML or JSON, Terraform) from being read where a policy sits. The
 * extractors of src/core/embedded report these, at the exact place; the policy check itself finds nothing. The
 * parsers recover, so the policies in the rest of the file are still checked.
 */
export const templateSyntax: PolicyRule = {
  id: 'template-syntax',
  meta: {
    description: 'A template must be readable where it holds a policy: valid YAML, JSON or Terraform, in the forms CloudFormation accepts.',
    defaultSeverity: 'error',
    fixable: false,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      yamlError: 'YAML syntax error: {{detail}}. The policies in this part of the file are not checked.',
      jsonError: 'JSON syntax error: {{detail}}. The policies in this part of the file are not checked.',
      hclError: 'Terraform syntax the parser cannot read{{detail}}. The policies in this part of the file are not checked.',
      unknownTag:
        'Unknown tag {{tag}}: CloudFormation knows only its intrinsic functions (!Ref, !Sub, !GetAtt, !Join …). The value is not checked.',
      alias: 'CloudFormation rejects YAML aliases and anchors ({{name}}): write the value out. The value is not checked.',
      mergeKey: 'CloudFormation rejects YAML merge keys (<<): write the keys out. The values are not checked.',
      multipleDocuments: 'CloudFormation reads one YAML document, but this file holds {{count}}: only the first is checked.',
      intrinsicArguments: '{{name}} takes {{expected}}: the value is not checked.',
      tooDeep: 'The template nests deeper than {{depth}} levels here: the values below are not checked.',
    },
  },
  check: () => [],
};
