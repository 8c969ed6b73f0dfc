/**
 * Policies built to make a backtracking matcher blow up: runs of `*` and `?`, `*a*a*a…b`, long texts with one
 * wrong character at the end, unclosed `${`, long digit runs, in every place a policy puts a user string.
 */
import { rng } from './rng';

/** Adversarial strings; `runs` sets the length of wildcard runs, `length` that of the long texts. */
export function adversarialStrings(runs: number, length: number): Record<string, string> {
  return {
    stars: `${'*'.repeat(runs)}Z`,
    questions: `${'?'.repeat(runs)}Z`,
    starA: `${'*a'.repeat(runs)}b`,
    starQuestion: `${'*?'.repeat(runs)}!`,
    starColon: `${'*:'.repeat(runs)}Z`,
    starSlash: `${'*/'.repeat(runs)}Z`,
    longA: `${'a'.repeat(length)}!`,
    unclosedVariables: '${'.repeat(length / 2),
    digits: `${'1'.repeat(length)}x`,
    colons: ':'.repeat(length),
    slashes: `${'/'.repeat(length)}!`,
    dashes: `a${'-'.repeat(length)}!`,
    labels: `${'a.'.repeat(length / 2)}!`,
  };
}

/** One policy text per place a user string can go, with `s` in that place. */
export function placements(s: string): Record<string, string> {
  const identity = (extra: Record<string, unknown>): string =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetDocument', Resource: '*', ...extra }] });
  const trust = (statement: Record<string, unknown>): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] });
  return {
    action: identity({ Action: [`ssm:${s}`, s, `*${s}`, `sts:${s}`, `iam:${s}Role`] }),
    notAction: identity({ Action: undefined, NotAction: [`ssm:${s}`, s, `${s}:${s}`] }),
    resource: identity({
      Action: ['ssm:SendCommand', 's3:GetObject', 'iam:PassRole', 'ssm:UpdateServiceSetting', 'ec2:*'],
      Resource: [
        `arn:aws:ssm:us-east-1:123456789012:document/${s}`,
        `arn:aws:s3:::${s}`,
        `arn:aws:s3:::bucket/${s}`,
        `arn:aws:iam::123456789012:role/${s}`,
        `arn:aws:ssm:*:*:servicesetting/${s}`,
        `arn:aws:${s}`,
        `arn:*:*:*:*:${s}`,
        `arn:${s}:${s}:${s}:${s}:${s}`,
        `arn:aws:ec2:${s}:${s}:instance/${s}`,
      ],
    }),
    notResource: identity({
      Action: ['ssm:SendCommand', 'ssm:StartSession'],
      Resource: undefined,
      NotResource: [`arn:aws:ssm:*:*:document/${s}`, `arn:aws:ec2:*:*:instance/${s}`, `arn:aws:${s}`, s],
    }),
    conditionLike: identity({
      Condition: {
        StringLike: { [`ssm:resourceTag/${s}`]: s, 'aws:PrincipalArn': [s, `arn:aws:iam::*:role/${s}`] },
        ArnLike: { 'aws:SourceArn': [`arn:aws:ssm:*:*:${s}`, s] },
        StringEquals: { 'ssm:DocumentName': s },
      },
    }),
    conditionKeys: identity({ Condition: { StringEquals: { [s]: 'x', [`ssm:${s}`]: 'x', [`aws:${s}`]: 'x', [`ssm:resourceTag/${s}`]: 'x' } } }),
    conditionOperators: identity({ Condition: { [s]: { 'aws:SourceAccount': 'x' }, [`${s}IfExists`]: { a: 'b' }, [`ForAnyValue:${s}`]: { a: 'b' } } }),
    conditionTypes: identity({
      Condition: {
        NumericEquals: { 'aws:MultiFactorAuthAge': s },
        DateLessThan: { 'aws:CurrentTime': s },
        Bool: { 'aws:SecureTransport': s },
        IpAddress: { 'aws:SourceIp': s },
        BinaryEquals: { 'aws:x': s },
      },
    }),
    principal: trust({
      Principal: { AWS: [s, `arn:aws:iam::${s}`, `arn:aws:iam::123456789012:role/${s}`], Service: [s, `${s}.amazonaws.com`], Federated: s },
    }),
    principalBare: trust({ Principal: s, Action: [`sts:${s}`] }),
    notPrincipal: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: s, Service: s }, Action: '*', Resource: s }] }),
    sid: identity({ Sid: s }),
    versionAndEffect: JSON.stringify({ Version: s, Statement: [{ Effect: s, Action: 'ssm:GetDocument', Resource: '*' }] }),
    elementName: identity({ [s]: s }),
  };
}

/** A whole policy of about `size` characters whose statements put seeded random adversarial strings everywhere. */
export function adversarialPolicy(seed: number, size: number): string {
  const next = rng(seed);
  const pieces = ['*', '?', 'a', '*a', '?*', ':', '/', '${', '}', '-', '.', 'ssm', 'Get', '1'];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const random = (): string => Array.from({ length: 1 + Math.floor(next() * 60) }, () => pick(pieces)).join('');
  // Half the values are runs that make a backtracking matcher explode: `*` or `?` runs, `*a*a…b`, then a character that fails.
  const run = (): string => {
    const n = 8 + Math.floor(next() * 32);
    return pick([`${'*'.repeat(n)}Z`, `${'*a'.repeat(n)}b`, `${'*?'.repeat(n)}!`, `${'?'.repeat(n)}*Z`, `${'*:'.repeat(n)}Z`]);
  };
  const value = (): string => (next() < 0.5 ? run() : random());
  const statements: string[] = [];
  let length = 0;
  while (length < size) {
    const v = value;
    const st = JSON.stringify({
      Sid: v(),
      Effect: pick(['Allow', 'Deny', v()]),
      [pick(['Action', 'NotAction'])]: [`ssm:${v()}`, `${v()}:${v()}`, v()],
      [pick(['Resource', 'NotResource'])]: [`arn:aws:ssm:${v()}:${v()}:document/${v()}`, `arn:aws:s3:::${v()}`, `arn:aws:iam::*:role/${v()}`, v()],
      ...(next() < 0.3 ? { Principal: { AWS: v(), Service: `${v()}.amazonaws.com` } } : {}),
      Condition: {
        StringLike: { [`ssm:resourceTag/${v()}`]: v() },
        ArnLike: { 'aws:SourceArn': `arn:aws:${v()}` },
        [v()]: { [v()]: v() },
      },
    });
    statements.push(st);
    length += st.length + 1;
  }
  return `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
}

/** Names that a plain object answers for without holding them as own keys. */
export const PROTOTYPE_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/**
 * Policies with `name` as every kind of key and value: element names, Sid, Effect, Version, actions and service
 * prefixes, ARNs and their fields (service, Region, account, resource type, service-setting id), condition operators
 * (plain, IfExists, set forms), condition keys (global, service, templated) and values, principal types and values.
 * JSON.stringify would drop a `__proto__` key of an object literal, so the texts are written out.
 */
export function prototypePolicies(name: string): Record<string, string> {
  const n = JSON.stringify(name);
  const statement = (body: string): string => `{"Version":"2012-10-17","Statement":[{${body}}]}`;
  return {
    topLevel: `{${n}: ${n}, "Version": ${n}, "Statement": [{"Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"}]}`,
    statementObject: `{"Version":"2012-10-17","Statement":{${n}: ${n}, "Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"}}`,
    elements: statement(`"Sid": ${n}, "Effect": ${n}, ${n}: ${n}, "Action": ${n}, "Resource": ${n}`),
    actions: statement(
      `"Effect":"Allow","Action":["ssm:${name}", "${name}:${name}", "${name}:GetDocument", "${name}:*", "ssm:${name}*", "${name}"],"Resource":"*"`,
    ),
    notAction: statement(`"Effect":"Deny","NotAction":["ssm:${name}", "${name}:${name}", "${name}"],"NotResource":"${name}"`),
    arns: statement(
      `"Effect":"Allow","Action":["ssm:SendCommand","ssm:UpdateServiceSetting","iam:PassRole","s3:GetObject"],"Resource":[` +
        `"arn:aws:${name}:us-east-1:123456789012:${name}/x", "arn:${name}:ssm:${name}:${name}:document/${name}", ` +
        `"arn:aws:ssm:us-east-1:123456789012:${name}", "arn:aws:ssm:*:*:servicesetting/${name}", "arn:aws:ssm:*:*:servicesetting/ssm/${name}", ` +
        `"/ssm/${name}", "arn:aws:iam::123456789012:role/${name}", "arn:aws:s3:::${name}/${name}", "arn:aws:ec2:${name}:${name}:${name}/${name}"]`,
    ),
    conditionOperators: statement(
      `"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{${n}: {"aws:SourceAccount": "1"}, "${name}IfExists": {"a:b": "c"}, ` +
        `"ForAnyValue:${name}": {"aws:TagKeys": "x"}, "${name}:StringEquals": {"aws:TagKeys": "x"}, "StringEquals": ${n}}`,
    ),
    conditionKeys: statement(
      `"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals": {${n}: ${n}, "aws:${name}": ${n}, "ssm:${name}": ${n}, ` +
        `"${name}:${name}": ${n}, "ssm:resourceTag/${name}": ${n}, "aws:RequestTag/${name}": ${n}}, "Bool": {"aws:SecureTransport": ${n}}, ` +
        `"NumericLessThan": {"aws:MultiFactorAuthAge": ${n}}, "DateGreaterThan": {"aws:CurrentTime": ${n}}, "IpAddress": {"aws:SourceIp": ${n}}, ` +
        `"StringLike": {"ssm:SettingId": "/ssm/${name}", "ssm:DocumentName": ${n}}, "ArnLike": {"aws:SourceArn": "arn:aws:${name}:*:*:*"}}`,
    ),
    principals: statement(
      `"Effect":"Allow","Action":["sts:AssumeRole","sts:${name}"],"Principal":{${n}: ${n}, "AWS": [${n}, "arn:aws:iam::${name}:root", "arn:aws:iam::123456789012:${name}/x"], ` +
        `"Service": [${n}, "${name}.amazonaws.com", "ssm.${name}"], "Federated": ${n}, "CanonicalUser": ${n}}`,
    ),
    principalString: statement(`"Effect":"Allow","Action":"sts:AssumeRole","Principal":${n}`),
    notPrincipal: statement(`"Effect":"Deny","Action":"*","Resource":"*","NotPrincipal":{${n}: [${n}], "AWS": ${n}}`),
  };
}
