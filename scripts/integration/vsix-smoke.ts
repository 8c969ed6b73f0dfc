/**
 * The smoke test of the installed .vsix (`node --import tsx scripts/integration/run.ts --vsix FILE`, a step of `npm test`):
 * code-server installs the package into the sandbox's extensions folder, as a user's `--install-extension` does,
 * and the workbench opens without extensionDevelopmentPath, so the extension that runs is the one the .vsix holds,
 * in Production mode. A packaging mistake (a file left out, a bundle that needs a module it does not carry) fails a
 * check here. Through the page, as a user would see it:
 *
 *   - a policy with mistakes gets the extension's problems (source ssm-policy), one of them from the IAM index
 *     (action-unknown)
 *   - the hover of an action shows its access level (the IAM index's services and descriptions)
 *   - the hover of the `Effect` key shows the policy schema's description (the schemas and jsonValidation: the
 *     schemas validate nothing, so only their hover and completion show that they shipped)
 *   - the command "Lint All Policies in Workspace" reports problems of a file that is not open, and of a Terraform
 *     file (dist/templates.js and the WebAssembly files beside it)
 *   - the activity-bar container shows its views; the DHMC view, with no credentials, says so (dist/aws.js loaded
 *     and ran the SDK's credential chain); the catalog view lists documented policies
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { zipRead } from '../check-packages';
import { openWorkbench, problemsCount, settledProblems } from './code-server';
import type { Page } from './playwright';

/** What the run needs of the cached tools (scripts/integration/setup.ts). */
export interface Tools {
  node: string;
  codeServerEntry: string;
}

/** The policy the checks open: examples/mistakes/dhmc-admin.policy.json, copied into the sandbox's workspace. */
export const POLICY = 'dhmc-admin.policy.json';
/** A file of the workspace that stays closed: only the workspace command lints it. */
const CLOSED_POLICY = 'dhmc-trust.json';
/** A Terraform file of the workspace (examples/mistakes), also closed. */
const CLOSED_TERRAFORM = 'dhmc-setting.tf';

/**
 * The environment of the code-server that runs the installed extension: no AWS settings of the machine, no instance
 * metadata lookup, shared files that do not exist, so that the SDK's credential chain ends quickly in "no credentials".
 */
export function vsixEnvironment(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !/^AWS_/.test(k)));
  return {
    ...clean,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
  };
}

/**
 * `code-server --install-extension FILE` into the sandbox, then checks that code-server lists it at package.json's
 * version. Returns the folder the extension was installed to.
 */
export function installVsix(tools: Tools, vsix: string, dirs: { extensions: string; userData: string }, env: NodeJS.ProcessEnv, say: (m: string) => void): string {
  const cli = (...args: string[]) =>
    spawnSync(tools.node, [tools.codeServerEntry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  const install = cli('--install-extension', vsix);
  if (install.status !== 0) throw new Error(`code-server --install-extension failed (exit ${install.status ?? install.signal}): ${install.stderr || install.stdout}`);
  const list = cli('--list-extensions', '--show-versions');
  const pkg = readVsixManifest(vsix);
  const id = `${pkg.publisher}.${pkg.name}@${pkg.version}`;
  if (!list.stdout.split('\n').some((l) => l.trim() === id)) throw new Error(`code-server does not list ${id} after installing it: ${list.stdout}${list.stderr}`);
  const folder = readdirSync(dirs.extensions).find((f) => f.toLowerCase().startsWith(`${pkg.publisher}.${pkg.name}-`.toLowerCase()));
  if (!folder) throw new Error(`no folder of ${id} in ${dirs.extensions}`);
  say(`installed ${id} into the sandbox's extensions folder`);
  return join(dirs.extensions, folder);
}

/** publisher, name and version from the package.json inside the .vsix. */
function readVsixManifest(vsix: string): { publisher: string; name: string; version: string } {
  return JSON.parse(zipRead(readFileSync(vsix), 'extension/package.json').toString('utf8')) as { publisher: string; name: string; version: string };
}

/** The view and command titles of the installed extension, from its own package.json and package.nls.json. */
function installedTitles(extensionDir: string): { container: string; views: string[]; lintCommand: string } {
  const pkg = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as {
    contributes: {
      viewsContainers: { activitybar: { id: string; title: string }[] };
      views: Record<string, { id: string; name: string }[]>;
      commands: { command: string; title: string; category?: string }[];
    };
  };
  const nlsFile = join(extensionDir, 'package.nls.json');
  const nls = existsSync(nlsFile) ? (JSON.parse(readFileSync(nlsFile, 'utf8')) as Record<string, string>) : {};
  const text = (s: string): string => s.replace(/^%(.+)%$/, (whole, key: string) => nls[key] ?? whole);
  const container = pkg.contributes.viewsContainers.activitybar[0];
  const lint = pkg.contributes.commands.find((c) => c.command === 'ssmPolicy.lintWorkspace');
  if (!lint) throw new Error('the installed package.json contributes no ssmPolicy.lintWorkspace command');
  return {
    container: text(container.title),
    views: (pkg.contributes.views[container.id] ?? []).map((v) => text(v.name)),
    lintCommand: `${lint.category ? `${text(lint.category)}: ` : ''}${text(lint.title)}`,
  };
}

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 20_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

/**
 * Drives the workbench at `url` (the sandbox's workspace, no extension payload) and checks the installed extension.
 * `workspace` is the folder it shows; `extensionDir` the installed extension. Resolves to 0 when every check passed.
 */
export async function vsixSmoke(page: Page, url: string, options: SmokeOptions): Promise<number> {
  try {
    return await drive(page, url, options);
  } catch (err) {
    // Keep a picture of where it stopped.
    const failure = options.screenshot?.replace(/(\.png)?$/, '-failure.png');
    if (failure && (await page.screenshot({ path: failure }).then(() => true, () => false))) options.say(`saved ${failure} (the page when it failed)`);
    throw err;
  }
}

interface SmokeOptions {
  workspace: string;
  extensionDir: string;
  screenshot?: string;
  say: (m: string) => void;
  verbose?: boolean;
}

async function drive(page: Page, url: string, options: SmokeOptions): Promise<number> {
  const { say } = options;
  const started = Date.now();
  const checks: boolean[] = [];
  const check = (ok: boolean, what: string): void => {
    checks.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  /** Runs one check's steps; a step that throws (a timeout) fails that check only, with a picture when asked. */
  const step = async (what: string, body: () => Promise<boolean>): Promise<void> => {
    let ok = false;
    try {
      ok = await body();
    } catch (err) {
      say(`${what}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    check(ok, what);
    const picture = ok ? undefined : options.screenshot?.replace(/(\.png)?$/, `-failed-${checks.length}.png`);
    if (picture && (await page.screenshot({ path: picture }).then(() => true, () => false))) say(`saved ${picture}`);
    if (!ok) await page.keyboard.press('Escape');
  };
  const titles = installedTitles(options.extensionDir);
  check(!existsSync(join(options.extensionDir, 'src')) && readdirSync(join(options.extensionDir, 'dist')).every((f) => !f.endsWith('.map')), 'the installed extension has no src/ and no source map');

  await page.exposeFunction('codeAutomationLog', () => undefined);
  await page.exposeFunction('codeAutomationExit', () => undefined);
  await openWorkbench(page, url);

  // 1. A policy with mistakes: the extension's problems, one from the IAM index.
  const quickInput = page.locator('.quick-input-widget input');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: POLICY }).first().click({ timeout: 20_000 });
  await page.locator('.tabs-container .tab', { hasText: POLICY }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  let problems = '';
  await step('the Problems panel lists problems of the open policy', async () => {
    await panel.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
    const count = await settledProblems(page);
    problems = (await panel.innerText()).replace(/\s+/g, ' ');
    if (options.verbose) say(`Problems (${count}): ${problems}`);
    return count > 0;
  });
  check(/ssm-policy\W*effect-value/.test(problems), 'the extension reports effect-value (source ssm-policy)');
  check(/UpdateServiceSettings.*action-unknown|action-unknown.*UpdateServiceSettings/.test(problems), 'the extension reports action-unknown for ssm:UpdateServiceSettings (the IAM index, dist/iam-index)');

  /** The hover at the first `needle` of the policy (one column in), once it shows `expected`; its text. */
  const hoverAt = async (needle: string, expected: RegExp): Promise<string> => {
    const text = readFileSync(join(options.workspace, POLICY), 'utf8');
    const { line, column } = positionOf(text, needle);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await quickInput.waitFor({ timeout: 10_000 });
    await quickInput.fill(`:${line}:${column + 1}`); // Go to Line's prefix is ":"; without it, Quick Open searches files
    await page.keyboard.press('Enter');
    await delay(300);
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover', { hasText: expected }).first();
    await hover.waitFor({ timeout: 20_000 });
    const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
    if (options.verbose) say(`hover of ${needle}: ${hoverText}`);
    await page.keyboard.press('Escape');
    return hoverText;
  };

  // 2. The hover of an action: its access level and description come from the IAM index.
  await step('the hover of ssm:GetServiceSetting shows its access level (IAM index descriptions)', async () => {
    const hoverText = await hoverAt('ssm:GetServiceSetting', /Access level/);
    // The description comes from descriptions.pack, the access level from services.pack.
    return /ssm:GetServiceSetting/.test(hoverText) && /Grants permission/.test(hoverText) && /Access level:? ?Read/i.test(hoverText);
  });

  // 2b. The hover of a key the schema describes: the schema shipped and is associated by jsonValidation.
  await step('the hover of "Effect" shows the policy schema\'s description (schemas/, jsonValidation)', async () => {
    const hoverText = await hoverAt('"Effect"', /explicit deny/);
    return /allows or denies access/.test(hoverText);
  });

  // 3. A command: lint the workspace, which reports a file that is not open.
  await step(`the command "${titles.lintCommand}" reports problems of ${CLOSED_POLICY} and ${CLOSED_TERRAFORM}, which are not open`, async () => {
    const before = await settledProblems(page);
    await runCommand(page, titles.lintCommand);
    await page.keyboard.press('Control+Shift+M');
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && (await problemsCount(page)) <= before; ) await delay(250);
    const after = await settledProblems(page);
    // The panel shows rows near the top only: filter it down to the file, then read its rules.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.fill(CLOSED_POLICY);
    await panel.locator('.monaco-list-row', { hasText: /principal-service/ }).first().waitFor({ timeout: 20_000 });
    // The template parsers load from the package: a Terraform file's problem proves templates.js and the wasm files.
    await filter.fill(CLOSED_TERRAFORM);
    await panel.locator('.monaco-list-row', { hasText: /ssm-service-setting-id/ }).first().waitFor({ timeout: 20_000 });
    await filter.fill('');
    if (options.verbose) say(`Problems: ${before} before, ${after} after`);
    return after > before;
  });

  // 4. The activity-bar container and its views.
  const sidebar = page.locator('.part.sidebar');
  await step(`the activity bar shows "${titles.container}" with its views (${titles.views.join(', ')})`, async () => {
    await page.locator(`.activitybar .action-item .action-label[aria-label^="${titles.container}"]`).first().click({ timeout: 20_000 });
    await sidebar.locator('.pane-header', { hasText: titles.views[0] }).first().waitFor({ timeout: 20_000 });
    const text = (await sidebar.innerText()).replace(/\s+/g, ' ');
    if (options.verbose) say(`side bar: ${text}`);
    return titles.views.every((v) => text.toLowerCase().includes(v.toLowerCase()));
  });
  await step(`the "${titles.views[0]}" view, without AWS credentials, says "No credentials" (dist/aws.js and the SDK ran)`, async () => {
    const pane = sidebar.locator('.pane', { hasText: titles.views[0] }).first();
    await pane.locator('.monaco-list-row', { hasText: /No credentials/ }).first().waitFor({ timeout: 60_000 });
    return true;
  });
  const catalog = titles.views[titles.views.length - 1];
  await step(`the "${catalog}" view lists documented policies`, async () => {
    const header = sidebar.locator('.pane-header', { hasText: catalog }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = sidebar.locator('.pane', { hasText: catalog }).first().locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 20_000 });
    return (await rows.count()) > 0;
  });

  if (options.screenshot) {
    await page.screenshot({ path: options.screenshot });
    say(`saved ${options.screenshot}`);
  }
  return checks.every(Boolean) ? 0 : 1;
}
