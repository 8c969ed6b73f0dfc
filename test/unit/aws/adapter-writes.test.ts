/**
 * The adapter's write policy over HTTP, against the emulators' front server with faults: a write that is not
 * idempotent is sent once (a lost response does not make a second version), a throttled write is sent again, an
 * idempotent one is retried after a 5xx, and a late response ends the call with an outcome-unknown timeout.
 */
import * as assert from 'node:assert/strict';
import { CreatePolicyCommand, ListPolicyVersionsCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { awsRejection, useEmulators, useFaultClients } from './emulators';

const T = { region: 'us-east-1' };
const DHMC_ID = '/ssm/managed-instance/default-ec2-instance-management-role';
const doc = (action: string): string => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });


describe('aws/adapter: writes are retried only when that is safe (over HTTP, with faults)', function () {
  this.timeout(60_000);
  const emulators = useEmulators();
  const clients = useFaultClients(emulators, { reset: true });

  const committed = async (service: string, op: string): Promise<number> => (await emulators().stats()).services[service]?.[op]?.committed ?? 0;

  it('a CreatePolicyVersion whose response is lost is sent once: one new version, and the error says the outcome is unknown', async () => {
    const created = await clients().moto.send(new CreatePolicyCommand({ PolicyName: 'P', PolicyDocument: doc('ssm:GetParameter') }));
    const arn = created.Policy!.Arn!;
    await emulators().fault({ service: 'iam', operations: ['CreatePolicyVersion'], kind: 'ResponseLost', count: 1 });
    const err = await awsRejection(clients().port.createPolicyVersion(T, arn, doc('ssm:GetParameters'), true));
    assert.equal(err.outcomeUnknown, true, JSON.stringify(err));
    assert.equal(await committed('iam', 'CreatePolicyVersion'), 1);
    const versions = await clients().moto.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    assert.equal(versions.Versions?.length, 2, 'v1 and the one new version, not two');
  });

  it('a CreateRole refused by throttling is sent again and succeeds, once', async () => {
    await emulators().fault({ service: 'iam', operations: ['CreateRole'], kind: 'Throttling', count: 1 });
    const role = await clients().port.createRole(T, { name: 'R', path: '/', trustPolicy: TRUST });
    assert.equal(role.name, 'R');
    const stats = (await emulators().stats()).services.iam?.CreateRole;
    assert.deepEqual(stats, { received: 2, committed: 1 });
  });

  it('a CreateRole that failed with a 5xx before the store is not sent again: the error is outcome-unknown', async () => {
    await emulators().fault({ service: 'iam', operations: ['CreateRole'], kind: 'InternalError', count: 1 });
    const err = await awsRejection(clients().port.createRole(T, { name: 'R', path: '/', trustPolicy: TRUST }));
    assert.equal(err.outcomeUnknown, true);
    assert.equal((await emulators().stats()).services.iam?.CreateRole?.received, 1);
    await assert.rejects(clients().moto.send(new GetRoleCommand({ RoleName: 'R' })), /cannot be found|NoSuchEntity/i);
  });

  it('an idempotent write (UpdateServiceSetting) is retried after a 5xx and lands once', async () => {
    await emulators().fault({ service: 'ssm', region: 'eu-west-1', operations: ['UpdateServiceSetting'], kind: 'InternalError', count: 1 });
    await clients().port.updateServiceSetting({ region: 'eu-west-1' }, DHMC_ID, 'service-role/R');
    assert.deepEqual((await emulators().stats()).services.ssm?.UpdateServiceSetting, { received: 2, committed: 1 });
    assert.equal((await emulators().state())['eu-west-1']?.[DHMC_ID]?.SettingValue, 'service-role/R');
  });

  it('a write whose response is late ends with a timeout whose outcome is unknown, and the write did land', async () => {
    await emulators().fault({ service: 'iam', operations: ['PutRolePolicy'], kind: 'TimeoutAfterCommit', ms: 5_000, count: 1 });
    await clients().port.createRole(T, { name: 'R', path: '/', trustPolicy: TRUST });
    const err = await awsRejection(clients().port.putRolePolicy(T, 'R', 'P', doc('ssm:GetParameter')));
    assert.equal(err.outcomeUnknown, true, JSON.stringify(err));
    assert.equal(await committed('iam', 'PutRolePolicy'), 1);
    assert.ok(await clients().port.getRolePolicy(T, 'R', 'P'), 'the inline policy is there');
  });

  it('AccessDenied is neither retried nor outcome-unknown', async () => {
    await emulators().fault({ service: 'iam', operations: ['CreateRole'], kind: 'AccessDenied' });
    const err = await awsRejection(clients().port.createRole(T, { name: 'R', path: '/', trustPolicy: TRUST }));
    assert.equal(err.kind, 'accessDenied');
    assert.equal(err.outcomeUnknown, false);
    assert.equal((await emulators().stats()).services.iam?.CreateRole?.received, 1);
  });
});
