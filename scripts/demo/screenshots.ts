// `npm run demo -- --screenshot DIR`: drives the demo workbench in headless Chromium and saves four pictures:
//   DIR/demo-problems.png  mistakes/dhmc-admin.policy.json open, the Problems panel listing the extension's findings
//   DIR/demo-toast.png     the notification toast of "SSM Policy: Lint All Policies in Workspace" (the workbench runs
//                          as a user's does: notifications are shown)
//   DIR/demo-dhmc.png      the SSM Policy Studio view container: DHMC per Region, read from the seeded emulator
//   DIR/demo-managed-nodes.png  us-east-1 unfolded into its instances (the demo fleet), one into its reasons
// Checks what the pictures claim; resolves to 0 when every check passed, else 1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { openWorkbench, settledProblems } from '../integration/code-server';
import type { Browser, Page } from '../integration/playwright';

const POLICY = 'dhmc-admin.policy.json';

/** What a lint of examples/ finds. */
export interface LintCounts {
  filesWithFindings: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface ScreenshotOptions {
  verbose?: boolean;
  say?: (line: string) => void;
  /** What ssm-policy-lint found in examples/: the toast must say the same (undefined: the CLI's output could not be read, a failed check). */
  expected?: LintCounts;
}

/** The toast "Lint All Policies in Workspace" shows: how many policy files, with findings, errors, warnings, infos. */
export const LINT_TOAST = /Linted (\d+) policy files \((\d+) with findings\): (\d+) errors, (\d+) warnings, (\d+) infos\./;

export async function screenshots(browser: Browser, url: string, dir: string, options: ScreenshotOptions = {}): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    return await drive(page, url, dir, options);
  } catch (err) {
    // Keep a picture of where it stopped.
    const failure = join(dir, 'demo-failure.png');
    if (await page.screenshot({ path: failure }).then(() => true, () => false)) (options.say ?? console.log)(`saved ${failure} (the page when it failed)`);
    throw err;
  } finally {
    await page.close().catch(() => {});
  }
}

async function drive(page: Page, url: string, dir: string, { verbose = false, say = console.log, expected }: ScreenshotOptions = {}): Promise<number> {
  if (verbose) page.on('console', (m) => console.log(`[workbench:${m.type()}] ${m.text()}`));
  mkdirSync(dir, { recursive: true });
  const checks: boolean[] = [];
  const check = (ok: boolean, what: string): void => {
    checks.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  };

  await openWorkbench(page, url);

  // 1. A policy with mistakes and the Problems panel.
  await page.keyboard.press('Control+P');
  const quickInput = page.locator('.quick-input-widget input');
  await quickInput.waitFor({ timeout: 20_000 });
  await quickInput.fill(`mistakes/${POLICY}`);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'mistakes' }).first();
  await pick.waitFor({ timeout: 20_000 });
  await pick.click();
  const tab = page.locator('.tabs-container .tab', { hasText: POLICY });
  await tab.first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+M'); // View: Show Problems
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 60_000 });
  const count = await settledProblems(page);
  check((await tab.count()) === 1, `editor tab "${POLICY}" (examples/mistakes/)`);
  check(count > 0, `Problems panel counts ${count} problem(s)`);
  const problemsText = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
  check(/ssm-policy\W*effect-value/.test(problemsText), 'the extension reports effect-value (source ssm-policy)');
  await rows.filter({ hasText: '"Allow"' }).first().click().catch(() => {});
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 10_000 }).catch(() => {});
  const problemsPng = join(dir, 'demo-problems.png');
  await page.screenshot({ path: problemsPng });
  say(`saved ${problemsPng}`);

  // 2. A notification toast: "Lint All Policies in Workspace" reports what it found in one.
  await page.keyboard.press('Control+Shift+P');
  await quickInput.waitFor({ timeout: 20_000 });
  await quickInput.fill('>SSM Policy: Lint All Policies in Workspace');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Lint All Policies in Workspace' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const toast = page.locator('.notification-toast', { hasText: 'Linted' }).first();
  await toast.waitFor({ state: 'visible', timeout: 60_000 });
  const toastText = (await toast.innerText()).replace(/\s+/g, ' ').trim();
  const counts = LINT_TOAST.exec(toastText);
  check(await toast.isVisible(), `a notification toast is shown: "${toastText}"`);
  check(counts !== null && Number(counts[1]) > 0 && Number(counts[2]) > 0 && Number(counts[3]) > 0, 'it counts the policy files of examples/ and the errors in mistakes/');
  const got = counts ? `${counts[2]} files with findings, ${counts[3]} errors, ${counts[4]} warnings, ${counts[5]} infos` : '(no counts)';
  const want = expected ? `${expected.filesWithFindings} files with findings, ${expected.errors} errors, ${expected.warnings} warnings, ${expected.infos} infos` : '(the CLI output could not be read)';
  check(got === want, `the editor and ssm-policy-lint find the same in examples/: ${want}`);
  check((await toast.locator('.monaco-button', { hasText: 'Open Problems' }).count()) === 1, 'it offers "Open Problems"');
  const toastPng = join(dir, 'demo-toast.png');
  await page.screenshot({ path: toastPng });
  say(`saved ${toastPng}`);
  // Close it, so it covers nothing in the next picture.
  await toast.hover().catch(() => {});
  await toast.locator('.codicon-notifications-clear, .codicon-close').first().click({ timeout: 5_000 }).catch(() => {});
  await toast.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});

  // 3. The SSM Policy Studio view container, through the command palette.
  await page.keyboard.press('Control+Shift+P');
  await quickInput.waitFor({ timeout: 20_000 });
  await quickInput.fill('>View: Show SSM Policy Studio');
  const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'SSM Policy Studio' }).first();
  await command.waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  const sidebar = page.locator('.part.sidebar');
  const dhmcPane = sidebar.locator('.pane', { hasText: 'Default Host Management' }).first();
  await dhmcPane.locator('.monaco-list-row').first().waitFor({ timeout: 60_000 });
  // Room for every Region: a taller page, the Service Settings view collapsed, a wider side bar.
  await page.setViewportSize({ width: 1440, height: 1280 });
  const settingsHeader = sidebar.locator('.pane-header', { hasText: 'Service Settings' }).first();
  if ((await settingsHeader.getAttribute('aria-expanded').catch(() => null)) === 'true') await settingsHeader.click();
  const box = await sidebar.boundingBox();
  if (box) {
    const x = box.x + box.width;
    await page.mouse.move(x, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(x + 320, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
  }
  // Wait until every Region has answered: the summary stops saying "… loading".
  let summary = '';
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    summary = ((await dhmcPane.locator('.pane-header').innerText().catch(() => '')) || '').replace(/\s+/g, ' ').trim();
    if (/of \d+ regions? enabled/.test(summary) && !/loading/.test(summary)) break;
    await delay(250);
  }
  await delay(500);
  const paneText = (await dhmcPane.innerText()).replace(/\s+/g, ' ');
  if (verbose) say(`DHMC pane: ${paneText}`);
  check(/of \d+ regions? enabled/.test(summary) && !/loading/.test(summary), `DHMC summary: ${summary}`);
  // ap-northeast-1's update is pending: the view counts it as enabled, with a note. So are the Regions whose setting
  // names a role that is wrong (us-west-1, ap-southeast-2, ca-central-1, eu-north-1): the setting is on.
  check(
    /\b8 of \d+ regions? enabled/.test(summary),
    'the summary counts the seeded Regions with DHMC on (us-east-1, eu-west-1, ap-south-1, ap-northeast-1 pending; us-west-1, ap-southeast-2, ca-central-1, eu-north-1 with a wrong role)',
  );
  check(/\b1 denied\b/.test(summary), 'the summary counts one denied Region (eu-central-1)');
  const row = async (region: string): Promise<string> =>
    ((await dhmcPane.locator('.monaco-list-row', { hasText: region }).first().innerText({ timeout: 5_000 }).catch(() => '')) || '').replace(/\s+/g, ' ');
  const regions: Record<string, RegExp> = { 'us-east-1': /Enabled/, 'eu-west-1': /Enabled/, 'ap-northeast-1': /pend/i, 'eu-central-1': /denied/i, 'us-west-2': /Disabled/ };
  for (const [region, pattern] of Object.entries(regions)) {
    const text = await row(region);
    check(text.includes(region) && pattern.test(text), `DHMC row ${region}: ${text ? text.replace(region, '').trim() : '(not shown)'}`);
  }
  // Move the mouse away, so no hover covers the list.
  await page.mouse.move(1400, 880);
  await delay(300);
  const dhmcPng = join(dir, 'demo-dhmc.png');
  await page.screenshot({ path: dhmcPng });
  say(`saved ${dhmcPng}`);

  // 4. Why isn't my instance managed? us-east-1 unfolded into its instances, one of them into its reasons.
  await dhmcPane.locator('.monaco-list-row', { hasText: 'us-east-1' }).first().click();
  const instanceRow = (name: string) => dhmcPane.locator('.monaco-list-row', { hasText: name }).first();
  await instanceRow('web-2').waitFor({ timeout: 60_000 });
  await instanceRow('web-2').click();
  await dhmcPane.locator('.monaco-list-row', { hasText: 'IMDSv2 is not required' }).first().waitFor({ timeout: 20_000 });
  await page.mouse.move(1400, 880);
  await delay(500);
  const nodesText = (await dhmcPane.innerText()).replace(/\s+/g, ' ');
  if (verbose) say(`DHMC pane with us-east-1 unfolded: ${nodesText}`);
  const eastRow = await row('us-east-1');
  check(/us-east-1\s*2\/8 managed · Enabled/.test(eastRow), `the us-east-1 row sums up its managed nodes: ${eastRow}`);
  for (const [what, pattern] of [
    ['an instance managed through DHMC', /Managed through Default Host Management Configuration · web-1/],
    ['an instance managed through its instance profile', /Managed through its instance profile · app-1/],
    ['an instance not managed', /Not managed · web-2/],
    ['its reason: IMDSv2 optional', /IMDSv2 is not required \(HttpTokens is optional\)/],
    ['what was not checked', /Not checked: the network path/],
  ] as const) {
    check(pattern.test(nodesText), `managed nodes: ${what}`);
  }
  const nodesPng = join(dir, 'demo-managed-nodes.png');
  await page.screenshot({ path: nodesPng });
  say(`saved ${nodesPng}`);
  return checks.every(Boolean) ? 0 : 1;
}

