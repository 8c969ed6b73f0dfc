import { ssmRemoteCommandUnrestricted } from '../../../src/core/rules/ssm-remote-command-unrestricted';
import { testRule } from '../rule-tester';

function st(body: string): string {
  return `{"Version":"2012-10-17","Statement":[${body}]}`;
}

testRule(ssmRemoteCommandUnrestricted, {
  valid: [
    // The Run Command policies of the SSM user guide: tag conditions or instance ARNs, documents apart.
    st('{"Effect":"Allow","Action":["ssm:SendCommand"],"Resource":["arn:aws:ssm:*:*:document/*"]},{"Effect":"Allow","Action":["ssm:SendCommand"],"Resource":["arn:aws:ec2:*:*:instance/*"],"Condition":{"StringLike":{"ssm:resourceTag/Finance":["WebServers"]}}}'),
    st('{"Effect":"Allow","Action":["ssm:SendCommand"],"Resource":"*","Condition":{"StringLike":{"ssm:resourceTag/tag_key1":["tag_value1"]}}}'),
    st('{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:us-east-2:111122223333:instance/i-0123456789abcdef0"}'),
    st('{"Effect":"Allow","Action":"ssm:StartSession","Resource":["arn:aws:ec2:*:*:instance/*"],"Condition":{"StringEquals":{"aws:ResourceTag/Team":"web"}}}'),
    // Read-only, a bare "*", Deny.
    st('{"Effect":"Allow","Action":["ssm:ListCommands","ssm:Get*"],"Resource":"*"}'),
    st('{"Effect":"Allow","Action":"*","Resource":"*"}'),
    st('{"Effect":"Deny","Action":"ssm:SendCommand","Resource":"*"}'),
  ],
  invalid: [
    {
      name: 'SendCommand on * without a condition',
      code: st('{"Effect":"Allow","Action":["ssm:SendCommand","ssm:ListCommandInvocations"],"Resource":"*"}'),
      errors: [{ messageId: 'sendCommand', path: ['Statement', 0, 'Action', 0], data: { grant: 'ssm:SendCommand' } }],
      output: null,
    },
    {
      name: 'ssm:* grants both',
      code: st('{"Effect":"Allow","Action":"ssm:*","Resource":["*"]}'),
      errors: [
        { messageId: 'sendCommand', text: '"ssm:*"', data: { grant: 'ssm:SendCommand (through "ssm:*")' } },
        { messageId: 'startSession', text: '"ssm:*"', data: { grant: 'ssm:StartSession (through "ssm:*")' } },
      ],
      output: null,
    },
    {
      name: 'an empty Condition does not restrict',
      code: st('{"Effect":"Allow","Action":["ssm:Send*","ssm:StartSession"],"Resource":"*","Condition":{}}'),
      errors: [
        { messageId: 'sendCommand', path: ['Statement', 0, 'Action', 0] },
        { messageId: 'startSession', path: ['Statement', 0, 'Action', 1] },
      ],
      output: null,
    },
  ],
});
