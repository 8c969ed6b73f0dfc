import * as assert from 'node:assert/strict';
import { extensionApi, type TestApi } from '../../src/extension-api';

describe('extension-api: what activate() returns', () => {
  const timings = { activationMs: 3, loadMs: 1, activateMs: 2 };
  const testApi = (): TestApi => ({ awsViews: { useUi: () => undefined, usePort: () => undefined }, apply: { useUi: () => undefined } }) as unknown as TestApi;

  it('in production (any mode but Test) only the timings: no hook to swap the prompts or the AWS port', () => {
    let made = false;
    const api = extensionApi(false, timings, () => ((made = true), testApi()));
    assert.deepEqual(api, timings);
    assert.equal(made, false, 'the test API is not even made');
    assert.ok(!('awsViews' in api) && !('apply' in api));
    assert.ok(!JSON.stringify(Object.keys(api)).match(/useUi|usePort|useBackend/));
  });

  it('in extension mode Test the timings and the test API', () => {
    const api = extensionApi(true, timings, testApi);
    assert.equal(api.activationMs, 3);
    assert.equal(typeof api.awsViews?.useUi, 'function');
    assert.equal(typeof api.awsViews?.usePort, 'function');
    assert.equal(typeof api.apply?.useUi, 'function');
  });
});
