import { strict as assert } from 'node:assert';
import {
  compareVersions,
  instanceReadiness,
  policyGranting,
  readinessReport,
  reasonText,
  summarizeReadiness,
  summaryText,
  verdictLabel,
  type InstanceFacts,
  type RegionDhmcFacts,
} from '../../../src/core/dhmc/readiness';
import { checkDhmcRolePermissions } from '../../../src/core/dhmc/role-permissions';

const NOW = new Date('2026-12-02T12:00:00Z');
const LONG_AGO = new Date('2026-11-01T00:00:00Z');
const ROLE = 'service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole';

const policy = (statement: object): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const DEFAULT_POLICY = policy({ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*', 'ec2messages:*'], Resource: '*' });
const CORE = { source: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', text: DEFAULT_POLICY };

/** A Region where DHMC is on since long ago, with a role that is right. */
const dhmcOn = (over: Partial<RegionDhmcFacts> = {}): RegionDhmcFacts => ({
  enabled: true,
  roleValue: ROLE,
  lastModified: LONG_AGO,
  role: { exists: true, trust: { ok: true, trustsSsm: true }, permissions: checkDhmcRolePermissions([{ source: 'p', text: DEFAULT_POLICY }]) },
  ...over,
});

/** A running instance with IMDSv2 required and a recent agent that reports. */
const instance = (over: Partial<InstanceFacts> = {}): InstanceFacts => ({
  instanceId: 'i-0123456789abcdef0',
  state: 'running',
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  agent: { version: '3.3.40.0', pingStatus: 'Online', lastPing: NOW },
  ...over,
});

const codes = (facts: InstanceFacts, region: RegionDhmcFacts = dhmcOn(), now = NOW): string => {
  const r = instanceReadiness(facts, region, now);
  return [r.verdict, ...r.reasons.map((x) => x.code)].join(' ');
};

describe('dhmc readiness: one verdict per instance, with its reasons', () => {
  it('managed through DHMC: running, IMDSv2, a recent agent reporting, the Region right', () => {
    assert.equal(codes(instance()), 'managed-dhmc');
  });

  it('managed through the instance profile when its role allows ssm:UpdateInstanceInformation, naming the role and the policy', () => {
    const r = instanceReadiness(instance({ httpTokens: 'optional', profile: { arn: 'arn:aws:iam::210987654321:instance-profile/app', roleName: 'app-role', policies: [CORE] } }), dhmcOn({ enabled: false }), NOW);
    assert.equal(r.verdict, 'managed-profile');
    // IMDSv1 and DHMC being off do not matter for the profile's credentials.
    assert.deepEqual(r.reasons, []);
  });

  it('a profile that takes precedence but is not reporting: not managed, the profile named first', () => {
    const facts = instance({ agent: { version: '3.3.40.0', pingStatus: 'ConnectionLost', lastPing: LONG_AGO }, profile: { arn: 'arn:aws:iam::210987654321:instance-profile/app', roleName: 'app-role', policies: [CORE] } });
    const r = instanceReadiness(facts, dhmcOn(), NOW);
    assert.equal(r.verdict, 'not-managed');
    assert.deepEqual(r.reasons[0], { code: 'profilePrecedence', role: 'app-role', policy: CORE.source });
    assert.equal(r.reasons[1]?.code, 'agentNotReporting');
    assert.deepEqual(r.notChecked, ['network']);
  });

  it('a profile role that allows UpdateInstanceInformation but lacks the channels: not managed either way', () => {
    const partial = { source: 'inline:register', text: policy({ Effect: 'Allow', Action: 'ssm:UpdateInstanceInformation', Resource: '*' }) };
    const r = instanceReadiness(instance({ profile: { arn: 'arn:aws:iam::210987654321:instance-profile/app', roleName: 'app-role', policies: [partial] } }), dhmcOn(), NOW);
    assert.equal(r.verdict, 'not-managed');
    const incomplete = r.reasons.find((x) => x.code === 'profileIncomplete');
    assert.deepEqual(incomplete, { code: 'profileIncomplete', role: 'app-role', missing: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel'] });
  });

  it('a profile without ssm:UpdateInstanceInformation (or with it denied) does not take precedence: DHMC is used', () => {
    const s3 = { source: 'inline:s3', text: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) };
    assert.equal(codes(instance({ profile: { arn: 'arn:aws:iam::1:instance-profile/p', policies: [s3] } })), 'managed-dhmc');
    const denied = { source: 'inline:deny', text: policy({ Effect: 'Deny', Action: 'ssm:*', Resource: '*' }) };
    assert.equal(policyGranting([CORE, denied], 'ssm:UpdateInstanceInformation'), undefined);
    assert.equal(codes(instance({ profile: { arn: 'arn:aws:iam::1:instance-profile/p', policies: [CORE, denied] } })), 'managed-dhmc');
  });

  it('uses the linter\'s action matching: a wildcard and another case grant it', () => {
    assert.equal(policyGranting([{ source: 'w', text: policy({ Effect: 'Allow', Action: 'SSM:Update*', Resource: '*' }) }], 'ssm:UpdateInstanceInformation'), 'w');
    assert.equal(policyGranting([{ source: 'n', text: policy({ Effect: 'Allow', Action: 'ssm:UpdateInstance', Resource: '*' }) }], 'ssm:UpdateInstanceInformation'), undefined);
  });

  it('IMDSv2 not required, an old agent, DHMC off: each named, together', () => {
    const facts = instance({ httpTokens: 'optional', agent: { version: '3.1.1732.0', pingStatus: 'Inactive', lastPing: LONG_AGO } });
    assert.equal(codes(facts, dhmcOn({ enabled: false, role: undefined })), 'not-managed imdsOptional agentOld dhmcOff agentNotReporting');
  });

  it('the metadata service turned off blocks every kind of credentials', () => {
    assert.equal(codes(instance({ httpEndpoint: 'disabled', agent: undefined })), 'not-managed imdsDisabled notRegistered');
  });

  it('the DHMC role: missing, at another path, not trusting SSM, lacking permissions', () => {
    const down = instance({ agent: undefined });
    assert.equal(codes(down, dhmcOn({ role: { exists: false } })), 'not-managed dhmcRoleMissing notRegistered');
    assert.equal(codes(down, dhmcOn({ role: { exists: false, pathDiffers: true } })), 'not-managed dhmcRolePath notRegistered');
    assert.equal(codes(down, dhmcOn({ role: { exists: true, trust: { ok: false, trustsSsm: false } } })), 'not-managed dhmcRoleTrust notRegistered');
    const weak = checkDhmcRolePermissions([{ source: 'p', text: policy({ Effect: 'Allow', Action: 'ssm:UpdateInstanceInformation', Resource: '*' }) }]);
    const r = instanceReadiness(down, dhmcOn({ role: { exists: true, trust: { ok: true, trustsSsm: true }, permissions: weak } }), NOW);
    assert.deepEqual(r.reasons[0], { code: 'dhmcRolePermissions', role: ROLE, missing: ['ssmmessages:CreateControlChannel', 'ssmmessages:OpenControlChannel'] });
  });

  it('pending with the minutes left, within 30 minutes of switching DHMC on, when nothing else is wrong', () => {
    const justNow = dhmcOn({ lastModified: new Date(NOW.getTime() - 12 * 60_000) });
    const r = instanceReadiness(instance({ agent: undefined }), justNow, NOW);
    assert.equal(r.verdict, 'pending');
    assert.deepEqual(r.reasons, [{ code: 'pending', minutesLeft: 18 }]);
    // Something wrong that can be read is not "pending".
    assert.equal(codes(instance({ agent: undefined, httpTokens: 'optional' }), justNow), 'not-managed imdsOptional notRegistered');
    // After 30 minutes it is not pending any more.
    assert.equal(codes(instance({ agent: undefined }), dhmcOn({ lastModified: new Date(NOW.getTime() - 31 * 60_000) })), 'not-managed notRegistered');
  });

  it('an instance that reports while something is wrong is managed now, with what will stop it', () => {
    assert.equal(codes(instance({ httpTokens: 'optional' })), 'managed-dhmc imdsOptional');
    assert.equal(codes(instance(), dhmcOn({ enabled: false, role: undefined })), 'not-managed dhmcOff');
  });

  it('a stopped instance gets no verdict of readiness', () => {
    assert.equal(codes(instance({ state: 'stopped', httpTokens: 'optional' })), 'not-running');
  });

  it('never guesses the network: a not-managed or pending verdict says it was not checked', () => {
    assert.deepEqual(instanceReadiness(instance({ agent: undefined }), dhmcOn(), NOW).notChecked, ['network']);
    assert.deepEqual(instanceReadiness(instance(), dhmcOn(), NOW).notChecked, []);
  });

  it('compares agent versions number by number', () => {
    assert.equal(compareVersions('3.2.582.0', '3.2.582.0'), 0);
    assert.equal(compareVersions('3.2.1000.0', '3.2.582.0'), 1);
    assert.equal(compareVersions('3.10.0.0', '3.2.582.0'), 1);
    assert.equal(compareVersions('3.2.57.0', '3.2.582.0'), -1);
  });

  it('summarizes a Region: "38 of 41 running instances managed; 3 need IMDSv2"', () => {
    const managed = Array.from({ length: 38 }, (_, i) => instanceReadiness(instance({ instanceId: `i-m${i}` }), dhmcOn(), NOW));
    const imds = Array.from({ length: 3 }, (_, i) => instanceReadiness(instance({ instanceId: `i-v${i}`, httpTokens: 'optional', agent: undefined }), dhmcOn(), NOW));
    const stopped = instanceReadiness(instance({ instanceId: 'i-s', state: 'stopped' }), dhmcOn(), NOW);
    const s = summarizeReadiness([...managed, ...imds, stopped]);
    assert.deepEqual({ total: s.total, managed: s.managed, notManaged: s.notManaged, notRunning: s.notRunning }, { total: 42, managed: 38, notManaged: 3, notRunning: 1 });
    assert.equal(summaryText(s), '38 of 41 running instances managed; 3 need IMDSv2');
  });

  it('says every verdict and reason in words', () => {
    for (const v of ['managed-dhmc', 'managed-profile', 'pending', 'not-managed', 'not-running'] as const) assert.ok(verdictLabel(v).length > 3);
    const text = reasonText({ code: 'profilePrecedence', role: 'app-role', policy: 'inline:ssm' });
    assert.match(text, /app-role.*inline:ssm/);
    assert.match(reasonText({ code: 'agentOld', version: '3.1.0.0' }), /3\.1\.0\.0.*3\.2\.582\.0/);
    assert.match(reasonText({ code: 'pending', minutesLeft: 7 }), /7 more minutes/);
  });
});

describe('dhmc readiness: the report', () => {
  it('is a Markdown table with the summary, a row per instance, the reasons and what was not checked', () => {
    const rows = [
      instanceReadiness(instance({ instanceId: 'i-1', name: 'web|1' }), dhmcOn(), NOW),
      instanceReadiness(instance({ instanceId: 'i-2', httpTokens: 'optional', agent: undefined }), dhmcOn(), NOW),
    ];
    const md = readinessReport('eu-west-1', rows);
    const lines = md.trimEnd().split('\n');
    assert.equal(lines[0], '## eu-west-1');
    assert.equal(lines[2], '1 of 2 running instances managed; 1 need IMDSv2');
    assert.equal(lines[4], '| Instance | Name | Verdict | Reasons |');
    assert.equal(lines[6], '| i-1 | web\\|1 | Managed through Default Host Management Configuration |  |');
    assert.match(lines[7] ?? '', /^\| i-2 \| {2}\| Not managed \| IMDSv2 is not required .* Not checked: the network path/);
  });
});
