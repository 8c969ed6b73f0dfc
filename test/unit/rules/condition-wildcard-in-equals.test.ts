import { conditionWildcardInEquals } from '../../../src/core/rules/condition-wildcard-in-equals';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":${condition}}]}`;

testRule(conditionWildcardInEquals, {
  valid: [
    policy('{"StringEquals":{"ssm:resourceTag/Env":"prod"}}'),
    policy('{"StringLike":{"ssm:resourceTag/Env":"prod-*"},"ArnEquals":{"aws:SourceArn":"arn:aws:sns:*:*:topic"}}'),
    // Policy variables and the ${*} / ${?} escapes are not wildcards.
    policy('{"StringEquals":{"aws:PrincipalTag/owner":"${aws:username}","s3:prefix":"home/${*}/${?}"}}'),
    policy('{"StringNotEquals":{"aws:PrincipalTag/x":"${aws:PrincipalTag/y, \'default\'}"}}'),
    // Numbers and booleans cannot hold wildcards; unknown operators are another rule's business.
    policy('{"StringEquals":{"s3:max-keys":10},"StringEqual":{"ssm:resourceTag/Env":"*"}}'),
  ],
  invalid: [
    {
      code: policy('{"StringEquals":{"ssm:resourceTag/Env":"prod-*"}}'),
      errors: [{ messageId: 'useLike', text: '"prod-*"', data: { suggestion: 'StringLike', wildcard: '*' }, suggestions: [{ messageId: 'useLikeOperator', output: policy('{"StringLike":{"ssm:resourceTag/Env":"prod-*"}}') }] }],
      output: null,
    },
    {
      name: 'every wildcard value is reported; one rename fixes them all',
      code: policy('{"StringNotEquals":{"ssm:resourceTag/Env":["dev?","test-*"],"aws:PrincipalTag/team":"ops"}}'),
      errors: [
        { messageId: 'useLike', path: ['Statement', 0, 'Condition', 'StringNotEquals', 'ssm:resourceTag/Env', 0], data: { wildcard: '?' }, suggestions: [{ messageId: 'useLikeOperator', output: policy('{"StringNotLike":{"ssm:resourceTag/Env":["dev?","test-*"],"aws:PrincipalTag/team":"ops"}}') }] },
        { messageId: 'useLike', path: ['Statement', 0, 'Condition', 'StringNotEquals', 'ssm:resourceTag/Env', 1], data: { suggestion: 'StringNotLike' }, suggestions: [{ messageId: 'useLikeOperator', output: policy('{"StringNotLike":{"ssm:resourceTag/Env":["dev?","test-*"],"aws:PrincipalTag/team":"ops"}}') }] },
      ],
      output: null,
    },
    {
      name: 'set prefix and IfExists are kept',
      code: policy('{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"env-*"}}'),
      errors: [{ messageId: 'useLike', data: { suggestion: 'ForAnyValue:StringLikeIfExists' }, suggestions: [{ messageId: 'useLikeOperator', output: policy('{"ForAnyValue:StringLikeIfExists":{"aws:TagKeys":"env-*"}}') }] }],
      output: null,
    },
    {
      name: 'a wildcard next to a variable',
      code: policy('{"StringEquals":{"s3:prefix":"home/${aws:username}/*"}}'),
      errors: [{ messageId: 'useLike', text: '"home/${aws:username}/*"', suggestions: [{ messageId: 'useLikeOperator', output: policy('{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}') }] }],
      output: null,
    },
    {
      name: 'no fix when the Like operator is already in the block',
      code: policy('{"StringEquals":{"ssm:resourceTag/Env":"*"},"StringLike":{"ssm:resourceTag/App":"web-*"}}'),
      errors: [{ messageId: 'useLike', text: '"*"' }],
      output: null,
    },
    {
      name: 'IgnoreCase has no Like form',
      code: policy('{"StringEqualsIgnoreCase":{"ssm:resourceTag/Env":"PROD*"}}'),
      errors: [{ messageId: 'noLikeForm', text: '"PROD*"' }],
      output: null,
    },
  ],
});
