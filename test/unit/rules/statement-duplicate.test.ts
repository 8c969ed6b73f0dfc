import { statementDuplicate } from '../../../src/core/rules/statement-duplicate';
import { testRule } from '../rule-tester';

const s1 = '{"Sid":"A","Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}';

testRule(statementDuplicate, {
  valid: [`{"Version":"2012-10-17","Statement":[${s1},{"Effect":"Allow","Action":"ssm:GetParameters","Resource":"*"}]}`],
  invalid: [
    {
      name: 'the same statement twice (only the Sid and key order differ)',
      code: `{"Version":"2012-10-17","Statement":[${s1},{"Resource":"*","Effect":"Allow","Action":"ssm:GetParameter","Sid":"B"}]}`,
      errors: [{ messageId: 'duplicate', path: ['Statement', 1], data: { first: '1' } }],
      output: `{"Version":"2012-10-17","Statement":[${s1}]}`,
    },
  ],
});
