import { sidDuplicate } from '../../../src/core/rules/sid-duplicate';
import { testRule } from '../rule-tester';

/** An identity policy whose statements carry the given Sids (undefined: no Sid). */
function identity(...sids: (string | undefined)[]): string {
  const statements = sids.map((sid) => `{${sid === undefined ? '' : `"Sid":${JSON.stringify(sid)},`}"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}`);
  return `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
}

const ROLE_TRUST = '"Effect":"Allow","Principal":{"Service":"ssm.amazonaws.com"},"Action":"sts:AssumeRole"';
const BUCKET_POLICY = '"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"';

testRule(sidDuplicate, {
  valid: [
    identity('ReadParameters', 'WriteParameters'),
    identity(undefined, undefined, 'A'),
    // Several empty Sids (console-made trust policies) are not duplicates.
    identity('', ''),
    { code: `{"Version":"2012-10-17","Statement":[{"Sid":"",${ROLE_TRUST}},{"Sid":"",${ROLE_TRUST}}]}`, kind: 'trust' },
    // Sids are compared exactly: case and blanks count (AWS documents no folding).
    identity('Allow', 'allow'),
    identity('A', 'A '),
    // A single statement object cannot repeat its own Sid (json-duplicate-key reports a repeated key).
    '{"Version":"2012-10-17","Statement":{"Sid":"A","Effect":"Allow","Action":"ssm:*","Resource":"*"}}',
    // Non-string Sids are element-type's finding.
    '{"Version":"2012-10-17","Statement":[{"Sid":1,"Effect":"Allow","Action":"ssm:*","Resource":"*"},{"Sid":1,"Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    // Non-object statement items have no Sid.
    '{"Version":"2012-10-17","Statement":["A",{"Sid":"A","Effect":"Allow","Action":"ssm:*","Resource":"*"}]}',
    // Resource-based policies have their own Sid rules: not checked.
    { code: `{"Version":"2012-10-17","Statement":[{"Sid":"Read",${BUCKET_POLICY}},{"Sid":"Read",${BUCKET_POLICY}}]}`, kind: 'trust' },
    // A Sid-like value elsewhere is not a Sid.
    '{"Version":"2012-10-17","Id":"A","Statement":[{"Sid":"A","Effect":"Allow","Action":"ssm:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/Sid":"A"}}}]}',
    '',
  ],
  invalid: [
    {
      name: 'the same Sid twice: the later one is reported',
      code: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "SessionManager", "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*" },\n    { "Sid": "SessionManager", "Effect": "Allow", "Action": "ssm:TerminateSession", "Resource": "*" }\n  ]\n}',
      errors: [{ messageId: 'duplicate', text: '"SessionManager"', path: ['Statement', 1, 'Sid'], data: { sid: 'SessionManager', firstStatement: '1' } }],
      output: null,
    },
    {
      name: 'three times, with statements without Sid in between: each repeat names the first',
      code: identity('A', undefined, 'B', 'A', 'A'),
      errors: [
        { messageId: 'duplicate', path: ['Statement', 3, 'Sid'], data: { sid: 'A', firstStatement: '1' } },
        { messageId: 'duplicate', path: ['Statement', 4, 'Sid'], data: { sid: 'A', firstStatement: '1' } },
      ],
      output: null,
    },
    {
      name: 'two different pairs',
      code: identity('A', 'B', 'B', 'A'),
      errors: [
        { messageId: 'duplicate', path: ['Statement', 2, 'Sid'], data: { sid: 'B', firstStatement: '2' } },
        { messageId: 'duplicate', path: ['Statement', 3, 'Sid'], data: { sid: 'A', firstStatement: '1' } },
      ],
      output: null,
    },
    {
      name: 'statement numbers count non-object items of the array',
      code: '{"Version":"2012-10-17","Statement":[null,{"Sid":"A","Effect":"Allow","Action":"ssm:*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"ssm:*","Resource":"*"}]}',
      errors: [{ messageId: 'duplicate', path: ['Statement', 2, 'Sid'], data: { firstStatement: '2' } }],
      output: null,
    },
    {
      name: 'Sids with invalid characters are still compared (sid-format reports the characters)',
      code: identity('Allow SSM', 'Allow SSM'),
      errors: [{ messageId: 'duplicate', data: { sid: 'Allow SSM' } }],
      output: null,
    },
    {
      name: 'a long Sid is shortened in the message',
      code: identity('S'.repeat(100), 'S'.repeat(100)),
      errors: [{ messageId: 'duplicate', data: { sid: `${'S'.repeat(57)}...` } }],
      output: null,
    },
    {
      name: 'SCP',
      code: '{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},{"Sid":"DenyLeave","Effect":"Deny","Action":"account:CloseAccount","Resource":"*"}]}',
      kind: 'scp',
      errors: [{ messageId: 'duplicate', data: { sid: 'DenyLeave', firstStatement: '1' } }],
      output: null,
    },
    {
      name: 'role trust policy',
      code: `{"Version":"2012-10-17","Statement":[{"Sid":"Trust",${ROLE_TRUST}},{"Sid":"Trust","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`,
      kind: 'trust',
      errors: [{ messageId: 'duplicate', path: ['Statement', 1, 'Sid'] }],
      output: null,
    },
  ],
});
