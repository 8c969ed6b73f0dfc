import * as assert from 'node:assert/strict';
import { run } from '../../../src/cli/main';
import { escapeControl } from '../../../src/cli/format';
import { BROKEN, fakeIo, workspace } from './helpers';

describe('cli: text output of hostile names', () => {
  it('escapes C0, DEL, C1, line separators and bidi controls, and nothing else', () => {
    assert.equal(escapeControl('a\nb\rc\td'), 'a\\nb\\rc\\td');
    assert.equal(escapeControl('\u001b[31mred\u0000\u007f\u0085\u009b'), '\\x1b[31mred\\x00\\x7f\\x85\\x9b');
    assert.equal(escapeControl('x\u2028y\u202ez\u2066'), 'x\\u2028y\\u202ez\\u2066');
    assert.equal(escapeControl('dir with space/ünïcode 😀\\a.json'), 'dir with space/ünïcode 😀\\a.json');
  });

  it('keeps each finding on one line of text when a file name holds a newline or ESC; JSON keeps the name as is', async () => {
    const name = 'evil\n\u001b[2Jname.policy.json';
    const dir = workspace({ [name]: BROKEN });
    const text = fakeIo(dir);
    assert.equal(await run([name], text), 1);
    const lines = text.out.trimEnd().split('\n');
    assert.match(lines.pop() ?? '', /^\d+ problems? /);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /^evil\\n\\x1b\[2Jname\.policy\.json:\d+:\d+ {2}/);
    assert.ok(!text.out.includes('\u001b'));
    const json = fakeIo(dir);
    await run(['--format', 'json', '.'], json);
    assert.equal((JSON.parse(json.out) as { file: string }[])[0]?.file, name);
    // Messages on standard error too.
    const missing = fakeIo(dir);
    await run(['gone\n\u001b]0;x\u0007.json'], missing);
    assert.equal(missing.err.split('\n').length, 2);
    assert.match(missing.err, /Cannot read gone\\n\\x1b\]0;x\\x07\.json/);
  });
});
