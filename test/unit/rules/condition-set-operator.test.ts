import { conditionSetOperator } from '../../../src/core/rules/condition-set-operator';
import { testRule } from '../rule-tester';

const policy = (condition: string, action = 'ssm:AddTagsToResource'): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"${action}","Resource":"*","Condition":${condition}}]}`;

testRule(conditionSetOperator, {
  valid: [
    policy('{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]},"ForAnyValue:StringLike":{"aws:CalledVia":"cloudformation.*"}}'),
    policy('{"StringEquals":{"aws:PrincipalTag/team":"ops","ssm:resourceTag/Env":"prod"}}'),
    policy('{"Null":{"aws:TagKeys":"false"}}'),
    // Keys the data does not know are left to condition-key-unknown.
    policy('{"ForAllValues:StringEquals":{"example:Thing":"x"},"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:*"}}'),
    policy('{"ForAnyValue:StringEquals":{"ssm:DocumentCategories":["AutomationRunbook"]}}', 'ssm:StartAutomationExecution'),
  ],
  invalid: [
    {
      name: 'a set prefix on Null (Access Analyzer: ForAllValues:Null is always true, ForAnyValue:Null always false)',
      code: policy('{"ForAnyValue:Null":{"aws:PrincipalTag/team":"false"}}'),
      errors: [{ messageId: 'nullWithSet', severity: 'info', text: '"ForAnyValue:Null"' }],
    },
    {
      name: 'ForAnyValue on an OIDC audience claim',
      code: policy('{"ForAnyValue:StringEquals":{"accounts.google.com:aud":"my-app"},"ForAllValues:StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}'),
      errors: [
        { messageId: 'audienceForAnyValue', data: { plain: 'StringEquals' } },
        { messageId: 'audienceForAllValues', severity: 'info' },
      ],
    },
    {
      name: 'ForAllValues on a single-valued key is true when the key is absent',
      code: policy('{"ForAllValues:StringEquals":{"aws:PrincipalTag/team":"ops"}}'),
      errors: [{ messageId: 'singleValued', text: '"aws:PrincipalTag/team"', data: { plain: 'StringEquals', type: 'String' } }],
      output: null,
    },
    {
      name: 'templated service keys are typed too',
      code: policy('{"ForAnyValue:StringLikeIfExists":{"secretsmanager:ResourceTag/Owner":"a*"}}', 'secretsmanager:GetSecretValue'),
      errors: [{ messageId: 'singleValued', text: '"secretsmanager:ResourceTag/Owner"', data: { plain: 'StringLikeIfExists' } }],
    },
    {
      code: policy('{"StringEquals":{"aws:TagKeys":["env"]},"StringLikeIfExists":{"aws:CalledVia":"athena.*"}}'),
      errors: [
        { messageId: 'multivaluedWithoutSet', path: ['Statement', 0, 'Condition', 'StringEquals', 'aws:TagKeys'], data: { type: 'ArrayOfString' } },
        { messageId: 'multivaluedWithoutSet', text: '"aws:CalledVia"' },
      ],
    },
  ],
});
