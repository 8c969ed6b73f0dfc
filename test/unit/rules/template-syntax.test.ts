import { templateSyntax } from '../../../src/core/rules/template-syntax';
import { testRule } from '../rule-tester';

// The rule's findings come from the template extractors (test/unit/embedded/): a policy by itself never gives one.
testRule(templateSyntax, {
  valid: ['{"Version":"2012-10-17","Statement":[]}', '{ "Version": "2012-10-17", "Statement": { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" } }', 'not json'],
  invalid: [],
});
