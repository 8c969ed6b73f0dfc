import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');

/** Lints a snippet as if it were the given file, with the project's ESLint config. */
async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers: imports point inward only (eslint no-restricted-imports)', function () {
  this.timeout(60_000);
  it('src/core may not import vscode, the AWS SDK or outer layers', async () => {
    assert.equal((await restrictedImports('src/core/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/x.ts', "import { SSMClient } from '@aws-sdk/client-ssm';\nexport const a = SSMClient;\n")).length, 1);
    assert.equal((await restrictedImports('src/core/x.ts', "import { a } from '../features/diagnostics';\nexport const b = a;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/core/x.ts', "import { parseTree } from 'jsonc-parser';\nexport const a = parseTree;\n"), []);
  });
  it('src/aws may not import vscode; src/cli may use only src/core', async () => {
    assert.equal((await restrictedImports('src/aws/x.ts', "import * as vscode from 'vscode';\nexport const a = vscode;\n")).length, 1);
    assert.equal((await restrictedImports('src/cli/x.ts', "import { a } from '../aws/ssm';\nexport const b = a;\n")).length, 1);
    assert.deepEqual(await restrictedImports('src/cli/x.ts', "import { lintText } from '../core/lint';\nexport const a = lintText;\n"), []);
  });
  it('src/features may import core and aws but not the CLI', async () => {
    assert.deepEqual(await restrictedImports('src/features/x.ts', "import { lintText } from '../core/lint';\nexport const a = lintText;\n"), []);
    assert.equal((await restrictedImports('src/features/x.ts', "import { run } from '../cli/main';\nexport const a = run;\n")).length, 1);
  });
});
