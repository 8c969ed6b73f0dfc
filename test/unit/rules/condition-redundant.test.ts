import { conditionRedundant } from '../../../src/core/rules/condition-redundant';
import { testRule } from '../rule-tester';

const policy = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${condition}}]}`;

testRule(conditionRedundant, {
  valid: [
    policy('{"StringLike":{"aws:PrincipalTag/team":"ops-*"},"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}'),
    policy('{"ForAnyValue:NumericLessThan":{"k:n":["1","2"]},"StringEquals":{"aws:PrincipalTag/a":"*"}}'),
  ],
  invalid: [
    {
      name: 'StringLike "*" only tests that the key is present',
      code: policy('{"StringLike":{"aws:ResourceTag/owner":"*"}}'),
      errors: [{ messageId: 'nullFalse' }],
      output: null,
    },
    {
      code: policy('{"StringNotLike":{"aws:ResourceTag/owner":"*"},"StringLikeIfExists":{"aws:PrincipalTag/a":["*","x"]},"ForAnyValue:StringNotLike":{"aws:TagKeys":"*"}}'),
      errors: [{ messageId: 'nullTrue' }, { messageId: 'alwaysTrue' }, { messageId: 'neverTrue' }],
    },
    {
      name: 'the reference\'s aws:MultiFactorAuthAge example',
      code: policy('{"NumericLessThan":{"aws:MultiFactorAuthAge":["2700","3600"]}}'),
      errors: [{ messageId: 'numericValues', data: { bound: 'greatest', value: '3600' } }],
    },
  ],
});
