import { actionMissingPrefix } from '../../../src/core/rules/action-missing-prefix';
import { testRule } from '../rule-tester';

const policy = (action: string, element = 'Action'): string =>
  `{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "${element}": ${action}, "Resource": "*" }\n  ]\n}`;

testRule(actionMissingPrefix, {
  valid: [
    policy('"*"'),
    policy('"ssm:SendCommand"'),
    policy('["ssm:Get*", "ssmmessages:*", "ec2messages:GetMessages"]'),
    policy('"s3:*"', 'NotAction'),
    // Not strings: other rules report the shape.
    policy('[1, true, null]'),
    policy('{"ssm": "SendCommand"}'),
  ],
  invalid: [
    {
      name: 'a bare SSM action gets its prefix',
      code: policy('["SendCommand", "ssm:GetDocument"]'),
      errors: [{ messageId: 'missingDidYouMean', text: '"SendCommand"', data: { suggestion: 'ssm:SendCommand' }, suggestions: [{ messageId: 'changeAction', output: policy('["ssm:SendCommand", "ssm:GetDocument"]') }] }],
      output: null,
    },
    {
      name: 'the name keeps its case (IAM matches actions case-insensitively)',
      code: policy('"opendatachannel"'),
      errors: [{ messageId: 'missingDidYouMean', text: '"opendatachannel"', data: { suggestion: 'ssmmessages:opendatachannel' }, suggestions: [{ messageId: 'changeAction', output: policy('"ssmmessages:opendatachannel"') }] }],
      output: null,
    },
    {
      name: 'an empty prefix before the colon',
      code: policy('":GetMessages"'),
      errors: [{ messageId: 'missingDidYouMean', data: { suggestion: 'ec2messages:GetMessages' }, suggestions: [{ messageId: 'changeAction', output: policy('"ec2messages:GetMessages"') }] }],
      output: null,
    },
    {
      name: 'in NotAction too',
      code: policy('["AssumeRole"]', 'NotAction'),
      errors: [{ messageId: 'missingDidYouMean', path: ['Statement', 0, 'NotAction', 0], data: { suggestion: 'sts:AssumeRole' }, suggestions: [{ messageId: 'changeAction', output: policy('["sts:AssumeRole"]', 'NotAction') }] }],
      output: null,
    },
    {
      name: 'two services have the action: no fix',
      code: policy('"PutResourcePolicy"'),
      errors: [{ messageId: 'missingAmbiguous', data: { candidates: 'ssm:PutResourcePolicy, ec2:PutResourcePolicy' } }],
      output: null,
    },
    {
      name: 'a wildcard name matches actions of many services: no fix',
      code: policy('"Get*"'),
      errors: [{ messageId: 'missing', text: '"Get*"' }],
      output: null,
    },
    {
      name: 'no searched service has the action',
      code: policy('["s3GetObject", ""]'),
      errors: [
        { messageId: 'missing', text: '"s3GetObject"' },
        { messageId: 'missing', text: '""' },
      ],
      output: null,
    },
  ],
});
