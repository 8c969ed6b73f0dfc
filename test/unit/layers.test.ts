import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');

/** Lints a snippet as if it were the given file, with the project's ESLint config: the layer messages. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'layers/imports').map((m) => m.message);
}

describe('layers: imports point inward only (eslint: no-restricted-imports and layers/imports)', function () {
  this.timeout(60_000);
  it('src/core may not import vscode, the AWS SDK or outer layers', async () => {
    assert.equal((await restrictedImports('src/core/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/x.ts', "import { SSMClient } from '@aws-sdk/client-ssm';\nexport const a = SSMClient;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/x.ts', "import { a } from '../features/diagnostics';\nexport const b = a;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/core/x.ts', "import { parseTree } from 'jsonc-parser';\nexport const a = parseTree;\n"), []);
  });
  it('src/core may import src/core/aws (the wing\'s model) but not src/aws (the adapter), whatever the path looks like', async () => {
    assert.deepEqual(await restrictedImports('src/core/dhmc/x.ts', "import { AwsError } from '../aws/error';\nexport const a = AwsError;\n"), []);
    assert.deepEqual(await restrictedImports('src/core/x.ts', "import { AwsError } from './aws/error';\nexport const a = AwsError;\n"), []);
    assert.equal((await restrictedImports('src/core/x.ts', "import { createAwsAdapter } from '../aws/adapter';\nexport const a = createAwsAdapter;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/dhmc/x.ts', "import { createAwsAdapter } from '../../aws';\nexport const a = createAwsAdapter;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/x.ts', "import { activate } from '../extension';\nexport const a = activate;\n")).length, 1);
  });
  it('src/aws may import src/core and itself, not vscode or the features', async () => {
    assert.equal((await restrictedImports('src/aws/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/aws/x.ts', "import { AwsError } from '../core/aws/error';\nimport { homeRegion } from './profiles';\nexport const a = [AwsError, homeRegion];\n"), []);
    assert.equal((await restrictedImports('src/aws/x.ts', "import { a } from '../features/connection/session';\nexport const b = a;\n")).length, 1);
  });
  it('src/cli may use only src/core', async () => {
    assert.equal((await restrictedImports('src/cli/x.ts', "import { a } from '../aws/adapter';\nexport const b = a;\n")).length, 1);
    assert.equal((await restrictedImports('src/cli/x.ts', "import { SSMClient } from '@aws-sdk/client-ssm';\nexport const a = SSMClient;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/cli/x.ts', "import { lintText } from '../core/lint';\nimport { run } from './main';\nexport const a = [lintText, run];\n"), []);
  });
  it('src/features may import core, and src/aws only as types or through the one lazy loader; not the CLI', async () => {
    assert.deepEqual(await restrictedImports('src/features/x.ts', "import { lintText } from '../core/lint';\nexport const a = lintText;\n"), []);
    assert.equal((await restrictedImports('src/features/x.ts', "import { run } from '../cli/main';\nexport const a = run;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/features/dhmc/x.ts', "import type { AwsAdapter } from '../../aws';\nexport type A = AwsAdapter;\n"), []);
    assert.equal((await restrictedImports('src/features/dhmc/x.ts', "import { createAwsAdapter } from '../../aws';\nexport const a = createAwsAdapter;\n")).length, 1);
    assert.equal((await restrictedImports('src/features/dhmc/x.ts', "export const a = () => import('../../aws');\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/features/connection/load-aws.ts', "export const a = () => import('../../aws');\n"), []);
    assert.equal((await restrictedImports('src/features/x.ts', "import { IAMClient } from '@aws-sdk/client-iam';\nexport const a = IAMClient;\n")).length, 1);
  });
});
