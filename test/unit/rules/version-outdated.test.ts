import { versionOutdated } from '../../../src/core/rules/version-outdated';
import { testRule } from '../rule-tester';

testRule(versionOutdated, {
  valid: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}',
    // Missing Version is version-missing's finding; other values and types are version-invalid's.
    '{"Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}',
    '{"Version":"2008-10-18","Statement":[]}',
    '{"Version":" 2008-10-17","Statement":[]}',
    '{"Version":20081017,"Statement":[]}',
    '{"Version":["2008-10-17"],"Statement":[]}',
    // Only the top-level Version counts, not a look-alike inside a statement or a condition.
    '{"Version":"2012-10-17","Statement":[{"Version":"2008-10-17","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Version":"2008-10-17"}}}]}',
    '["2008-10-17"]',
    '"2008-10-17"',
    '',
  ],
  invalid: [
    {
      name: 'the old version, no policy variables',
      code: '{\n  "Version": "2008-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*" }]\n}',
      errors: [{ messageId: 'outdated', text: '"2008-10-17"', path: ['Version'] }],
      output: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*" }]\n}',
    },
    {
      name: 'a policy variable in a Resource is literal text under 2008-10-17',
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":["arn:aws:ec2:*:*:instance/*","arn:aws:ssm:*:*:session/${aws:username}-*"]}]}',
      errors: [{ messageId: 'outdatedWithVariables', text: '"2008-10-17"', data: { variable: '${aws:username}' }, suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:StartSession","Resource":["arn:aws:ec2:*:*:instance/*","arn:aws:ssm:*:*:session/${aws:username}-*"]}]}' }] }],
      output: null,
    },
    {
      name: 'a policy variable in a condition value, statement given as a single object, SCP',
      code: '{"Version":"2008-10-17","Statement":{"Effect":"Deny","Action":"ssm:*","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:PrincipalTag/owner}"}}}}',
      kind: 'scp',
      errors: [{ messageId: 'outdatedWithVariables', data: { variable: '${aws:PrincipalTag/owner}' }, suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ssm:*","Resource":"*","Condition":{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:PrincipalTag/owner}"}}}}' }] }],
      output: null,
    },
    {
      name: 'the first variable is named: NotResource of a later statement',
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"},{"Effect":"Deny","Action":"ssm:PutParameter","NotResource":"arn:aws:ssm:*:*:parameter/${aws:userid}/*","Condition":{"StringLike":{"ssm:Overwrite":"${aws:username}"}}}]}',
      errors: [{ messageId: 'outdatedWithVariables', data: { variable: '${aws:userid}' }, suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"},{"Effect":"Deny","Action":"ssm:PutParameter","NotResource":"arn:aws:ssm:*:*:parameter/${aws:userid}/*","Condition":{"StringLike":{"ssm:Overwrite":"${aws:username}"}}}]}' }] }],
      output: null,
    },
    {
      name: 'the special characters ${*} and ${$} are variables too',
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::price${$}list/${*}"}]}',
      errors: [{ messageId: 'outdatedWithVariables', data: { variable: '${$}' }, suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::price${$}list/${*}"}]}' }] }],
      output: null,
    },
    {
      name: '${...} where IAM never substitutes (Action, a condition key) and an empty ${} are not variables',
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"ssm:${action}","Resource":"arn:aws:s3:::a${}b","Condition":{"StringEquals":{"aws:ResourceTag/${aws:username}":"x"}}}]}',
      errors: [{ messageId: 'outdated', suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:${action}","Resource":"arn:aws:s3:::a${}b","Condition":{"StringEquals":{"aws:ResourceTag/${aws:username}":"x"}}}]}' }] }],
      output: null,
    },
    {
      name: 'trust policy',
      code: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
      errors: [{ messageId: 'outdated' }],
      output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    },
    {
      name: 'a long variable is shortened in the message',
      code: `{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:PrincipalTag/${'x'.repeat(200)}}"}]}`,
      errors: [{ messageId: 'outdatedWithVariables', data: { variable: `\${aws:PrincipalTag/${'x'.repeat(58)}...` }, suggestions: [{ messageId: 'changeVersion', output: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/\${aws:PrincipalTag/${'x'.repeat(200)}}"}]}` }] }],
      output: null,
    },
    {
      name: 'wrong types everywhere do not stop the check',
      code: '{"Version":"2008-10-17","Statement":[1,null,{"Effect":"Allow","Action":7,"Resource":[true,{"a":"${aws:username}"}],"Condition":{"StringEquals":[]}},{"Resource":"${aws:username}"}]}',
      errors: [{ messageId: 'outdatedWithVariables', data: { variable: '${aws:username}' }, suggestions: [{ messageId: 'changeVersion', output: '{"Version":"2012-10-17","Statement":[1,null,{"Effect":"Allow","Action":7,"Resource":[true,{"a":"${aws:username}"}],"Condition":{"StringEquals":[]}},{"Resource":"${aws:username}"}]}' }] }],
      output: null,
    },
  ],
});
