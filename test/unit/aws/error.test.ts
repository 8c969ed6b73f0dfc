import * as assert from 'node:assert/strict';
import { classifyAwsError, isAwsError, localizedAwsError, redactSecrets, type AwsError } from '../../../src/core/aws/error';

/** An error shaped like the SDK's service exceptions: a name, a message and the response metadata. */
function serviceError(name: string, message: string, httpStatusCode: number, attempts = 1): Error {
  return Object.assign(new Error(message), { name, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, requestId: 'req-1', attempts } });
}

describe('core/aws/error: classifyAwsError', () => {
  it('a connection reset before the answer is a lost answer, not a timeout: a write it carried may have run', () => {
    // What the SDK throws when the server executes the request and drops the connection.
    const thrown = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    const err = classifyAwsError(thrown, { action: 'iam:CreateRole', region: 'us-east-1' });
    assert.deepEqual([err.kind, err.reason, err.code, err.outcomeUnknown], ['network', 'network', 'ECONNRESET', true]);
    assert.match(err.message, /connection to AWS was lost before its answer/);
    const late = classifyAwsError(Object.assign(new Error('Request timed out'), { name: 'TimeoutError' }), {});
    assert.deepEqual([late.reason, late.outcomeUnknown], ['timeout', true]);
  });

  it('produces the one error type the views accept', () => {
    const info: AwsError = classifyAwsError(serviceError('ThrottlingException', 'Rate exceeded', 400));
    assert.equal(info.kind, 'throttled');
    assert.ok(isAwsError(info));
    assert.equal(classifyAwsError(info), info, 'an AwsError passes through');
  });

  describe('credentials (errors no emulator produces: built by hand like the SDK throws them)', () => {
    it('an expired SSO token names the aws sso login command for the profile', () => {
      const err = Object.assign(new Error("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile."), {
        name: 'TokenProviderError',
        tryNextLink: false,
      });
      const info = classifyAwsError(err, { profile: 'dev-admin', action: 'ssm:GetServiceSetting' });
      assert.equal(info.kind, 'expiredSso');
      assert.equal(info.reason, 'ssoTokenExpired');
      assert.match(info.message, /aws sso login --profile dev-admin$/);
    });
    it('an SSO session that the credential provider finds invalid is an expired SSO session too', () => {
      const err = Object.assign(new Error('The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.'), {
        name: 'CredentialsProviderError',
      });
      assert.equal(classifyAwsError(err, { profile: 'sso' }).kind, 'expiredSso');
      assert.match(classifyAwsError(err).message, /Run: aws sso login$/);
    });
    it('the SSO portal rejecting the token (UnauthorizedException) asks for a new login', () => {
      const err = serviceError('UnauthorizedException', 'Session token not found or invalid', 401);
      assert.equal(classifyAwsError(err, { profile: 'p' }).kind, 'expiredSso');
    });
    it('an expired session token of an SSO profile asks for a login; of another profile says the credentials expired', () => {
      const err = serviceError('ExpiredTokenException', 'The security token included in the request is expired', 400);
      assert.equal(classifyAwsError(err, { profile: 'sso', ssoProfile: true }).kind, 'expiredSso');
      const other = classifyAwsError(err, { profile: 'keys' });
      assert.deepEqual([other.kind, other.reason], ['noCredentials', 'credentialsExpired']);
      assert.match(other.message, /profile: keys$/);
    });
    it('no credentials at all: the default chain found nothing', () => {
      const err = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false });
      const info = classifyAwsError(err);
      assert.deepEqual([info.kind, info.reason], ['noCredentials', 'noCredentials']);
      assert.match(info.message, /Select an AWS profile/);
    });
    it('a profile that does not exist', () => {
      const err = Object.assign(new Error('Could not resolve credentials using profile: [ghost] in configuration/credentials file(s).'), { name: 'CredentialsProviderError' });
      const info = classifyAwsError(err, { profile: 'ghost' });
      assert.deepEqual([info.kind, info.reason], ['noCredentials', 'profileNotFound']);
      assert.match(info.message, /ghost$/);
      const missing = classifyAwsError(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), { profile: 'gone', profileMissing: true });
      assert.deepEqual([missing.reason, missing.message], ['profileNotFound', 'The AWS profile is not in the config or credentials file: gone']);
    });
  });

  describe('access denied', () => {
    it('names the action from the message, and why', () => {
      const err = serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/Dev/me is not authorized to perform: ssm:UpdateServiceSetting on resource: arn:aws:ssm:eu-west-1:123456789012:servicesetting/ssm/managed-instance/default-ec2-instance-management-role with an explicit deny in a service control policy',
        400,
      );
      const info = classifyAwsError(err, { region: 'eu-west-1', action: 'ssm:GetServiceSetting' });
      assert.equal(info.kind, 'accessDenied');
      assert.equal(info.action, 'ssm:UpdateServiceSetting');
      assert.match(info.message, /denied because of an explicit deny in a service control policy/);
      assert.match(info.message, /Missing permission: ssm:UpdateServiceSetting$/);
    });
    it('falls back to the action of the call when the message does not name one (EC2 UnauthorizedOperation)', () => {
      const err = serviceError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403);
      const info = classifyAwsError(err, { region: 'us-east-1', action: 'ec2:DescribeRegions' });
      assert.deepEqual([info.kind, info.action], ['accessDenied', 'ec2:DescribeRegions']);
      assert.match(info.message, /in us-east-1/);
    });
  });

  describe('Region not enabled vs bad credentials', () => {
    const err = serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400);
    it('in a Region that is not opted in: region not enabled', () => {
      const info = classifyAwsError(err, { region: 'me-central-1', regionOptIn: 'not-opted-in' });
      assert.equal(info.kind, 'regionNotEnabled');
      assert.match(info.message, /me-central-1$/);
    });
    it('without DescribeRegions data, an opt-in Region is assumed not enabled', () => {
      assert.equal(classifyAwsError(serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403), { region: 'af-south-1' }).kind, 'regionNotEnabled');
    });
    it('in a Region enabled by default: the credentials are wrong', () => {
      const info = classifyAwsError(err, { region: 'us-east-1' });
      assert.deepEqual([info.kind, info.reason], ['noCredentials', 'invalidCredentials']);
      assert.equal(classifyAwsError(err, { region: 'me-central-1', regionOptIn: 'opted-in' }).reason, 'invalidCredentials');
    });
  });

  describe('throttling, network, service errors', () => {
    it('throttling says how many attempts were made', () => {
      const info = classifyAwsError(serviceError('ThrottlingException', 'Rate exceeded', 400, 3), { region: 'us-west-2' });
      assert.equal(info.kind, 'throttled');
      assert.equal(info.attempts, 3);
      assert.match(info.message, /in us-west-2 after 3 attempts/);
      assert.equal(classifyAwsError(serviceError('RequestLimitExceeded', 'Request limit exceeded.', 503)).kind, 'throttled');
      assert.equal(classifyAwsError(serviceError('Whatever', 'x', 429)).kind, 'throttled');
    });
    it('connection refused, DNS failures and wrapped causes are network failures', () => {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } });
      const info = classifyAwsError(refused, { region: 'eu-west-1' });
      assert.deepEqual([info.kind, info.reason, info.code], ['network', 'network', 'ECONNREFUSED']);
      const wrapped = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
      assert.equal(classifyAwsError(wrapped).code, 'ENOTFOUND');
      const timeout = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
      assert.deepEqual([classifyAwsError(timeout).kind, classifyAwsError(timeout).reason], ['network', 'timeout']);
    });
    it('5xx after retries is a service error with the status', () => {
      const info = classifyAwsError(serviceError('InternalServerError', 'boom', 500, 2), { region: 'eu-west-1' });
      assert.deepEqual([info.kind, info.reason], ['other', 'serviceError']);
      assert.match(info.message, /HTTP 500\) after 2 attempts/);
    });
    it('not found, already exists, conflicts and validation keep AWS\'s message', () => {
      assert.equal(classifyAwsError(serviceError('NoSuchEntity', 'The role with name x cannot be found.', 404)).reason, 'notFound');
      assert.equal(classifyAwsError(serviceError('EntityAlreadyExists', 'Role with name x already exists.', 409)).reason, 'alreadyExists');
      assert.equal(classifyAwsError(serviceError('DeleteConflict', 'Cannot delete entity.', 409)).reason, 'conflict');
      const invalid = classifyAwsError(serviceError('ValidationException', 'Invalid value: Maybe', 400));
      assert.equal(invalid.reason, 'invalidRequest');
      assert.match(invalid.message, /Invalid value: Maybe$/);
    });
    it('an operation the endpoint does not offer is unsupported, not a rejected request, and not retryable', () => {
      for (const name of ['UnknownOperationException', 'InvalidAction']) {
        const info = classifyAwsError(serviceError(name, 'Unknown operation', 400), { region: 'eu-west-3', action: 'ssm:RegisterDefaultHostManagementConfiguration' });
        assert.deepEqual([info.kind, info.reason, info.retryable, info.outcomeUnknown], ['other', 'unsupported', false, false], name);
        assert.equal(info.message, 'The operation ssm:RegisterDefaultHostManagementConfiguration is not available in eu-west-3.');
      }
    });
    it('anything else is other, and never throws', () => {
      assert.equal(classifyAwsError('boom').kind, 'other');
      assert.equal(classifyAwsError(undefined).kind, 'other');
      assert.equal(classifyAwsError(null).kind, 'other');
      const info: AwsError = classifyAwsError(serviceError('SomethingNew', 'Odd', 400), { region: 'us-east-1' });
      assert.equal(info.message, 'The AWS call failed in us-east-1: Odd');
    });
  });

  describe('secrets never reach the message', () => {
    it('redacts key ids, secret pairs and long tokens, keeps ARNs and role names', () => {
      const token = 'IQoJb3JpZ2luX2VjE' + 'A'.repeat(120) + '==';
      const text = `key AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token ${token} X-Amz-Signature=abc123 arn:aws:iam::123456789012:role/service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole`;
      const out = redactSecrets(text);
      assert.doesNotMatch(out, /AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI|IQoJb3JpZ2lu|abc123/);
      assert.match(out, /arn:aws:iam::123456789012:role\/service-role\/AWSSystemsManagerDefaultEC2InstanceManagementRole/);
    });
    it('an error message with a key id is redacted in the classified message', () => {
      const info = classifyAwsError(serviceError('Weird', 'The key ASIAXXXXXXXXXXXXXXXX was rejected', 400));
      assert.doesNotMatch(info.message, /ASIAX/);
    });
  });
});

describe('core/aws/error: localizedAwsError writes the message again in the display language', () => {
  /** A translation that marks what went through it. */
  const t = (message: string, ...args: (string | number)[]): string => `JA ${message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]))}`;

  it('rebuilds the messages the classifier writes, keeping kind, reason, fields, retry and outcome', () => {
    const denied = classifyAwsError(
      serviceError('AccessDeniedException', 'User: arn:aws:sts::111122223333:assumed-role/Dev/x is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action', 400),
      { action: 'ec2:DescribeInstances', region: 'eu-west-1', profile: 'dev' },
    );
    const ja = localizedAwsError(denied, t);
    assert.equal(ja.message, 'JA Access denied in eu-west-1 (denied because no identity-based policy allows the ec2:DescribeInstances action). Missing permission: ec2:DescribeInstances');
    assert.deepEqual([ja.kind, ja.reason, ja.action, ja.region, ja.profile, ja.retryable, ja.outcomeUnknown, ja.code], [denied.kind, denied.reason, denied.action, 'eu-west-1', 'dev', false, false, denied.code]);
    assert.ok(isAwsError(ja));

    const throttled = localizedAwsError(classifyAwsError(serviceError('ThrottlingException', 'Rate exceeded', 400, 3), { region: 'us-east-1' }), t);
    assert.equal(throttled.message, 'JA AWS throttled the requests in us-east-1 after 3 attempts. Try again later.');
    const sso = localizedAwsError(classifyAwsError(Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'CredentialsProviderError' }), { profile: 'dev', region: 'us-east-1' }), t);
    assert.equal(sso.message, 'JA The SSO session has expired or is missing. Run: aws sso login --profile dev');
    const missing = localizedAwsError(classifyAwsError(serviceError('UnknownOperationException', '', 400), { action: 'ssm:RegisterDefaultHostManagementConfiguration', region: 'eu-west-3' }), t);
    assert.equal(missing.message, 'JA The operation ssm:RegisterDefaultHostManagementConfiguration is not available in eu-west-3.');
    assert.equal(localizedAwsError(classifyAwsError(serviceError('InternalServerError', 'boom', 500, 2), { region: 'eu-west-1' }), t).message, 'JA AWS returned an internal error in eu-west-1.');
  });

  it("leaves AWS's own words as AWS wrote them", () => {
    const invalid = classifyAwsError(serviceError('ValidationException', 'Invalid value: Maybe', 400), { region: 'us-east-1' });
    assert.equal(localizedAwsError(invalid, t), invalid);
    const notFound = classifyAwsError(serviceError('NoSuchEntity', 'The role with name x cannot be found.', 404), { region: 'us-east-1' });
    assert.equal(localizedAwsError(notFound, t), notFound);
  });
});
