import { roleGrantBroad } from '../../../src/core/rules/role-grant-broad';
import { testRule } from '../rule-tester';

const policy = (statement: string): string => `{"Version":"2012-10-17","Statement":[${statement}]}`;

testRule(roleGrantBroad, {
  valid: [
    policy('{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111122223333:role/app"}'),
    policy('{"Effect":"Allow","NotAction":["iam:*"],"Resource":"*"}'),
    policy('{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":"ssm.amazonaws.com"}}}'),
    policy('{"Effect":"Deny","Action":"*","Resource":"*"}'),
  ],
  invalid: [
    {
      name: 'Action "*" on "*" (the reference\'s AdministratorAccess case)',
      code: policy('{"Effect":"Allow","Action":"*","Resource":"*"}'),
      errors: [{ messageId: 'passRoleAnyAction' }, { messageId: 'createSlrAnyResource' }],
      output: null,
    },
    {
      name: 'NotAction that leaves iam:PassRole allowed',
      code: policy('{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}'),
      errors: [{ messageId: 'passRoleNotAction' }, { messageId: 'createSlrAnyResource' }],
    },
    {
      code: policy('{"Effect":"Allow","Action":["iam:PassRole","iam:CreateServiceLinkedRole"],"NotResource":"arn:aws:iam::111122223333:role/admin"}'),
      errors: [
        { messageId: 'passRoleNotResource', data: { grant: 'iam:PassRole' } },
        { messageId: 'createSlrNotResource', data: { grant: 'iam:CreateServiceLinkedRole' } },
      ],
    },
  ],
});
