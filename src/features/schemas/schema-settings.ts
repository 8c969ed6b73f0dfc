import * as vscode from 'vscode';
import { SCHEMA_FILES, withOurAssociations } from '../../core/schema/associations';
import type { StandaloneKind } from '../../core/policy/types';
import { MANAGE_TRUST_COMMAND, type WorkspaceTrust } from '../common/trust';

/** The settings that add file globs to the policy schemas (beyond the file names package.json wires). */
export const SCHEMA_GLOB_SETTINGS: Readonly<Record<StandaloneKind, string>> = {
  identity: 'schemas.identityPolicyFiles',
  trust: 'schemas.trustPolicyFiles',
  scp: 'schemas.scpFiles',
};

/** The question before a settings write: what is written, where; `allow` and `deny` are the buttons. */
export interface SchemaWriteQuestion {
  message: string;
  detail: string;
  allow: string;
  deny: string;
}

/** The answer: a button, or undefined when the prompt was dismissed (asked again at the next change). */
export type SchemaWriteAnswer = 'allow' | 'deny' | undefined;

/** Asks the question; the integration tests answer through the extension's Test-mode API. */
export type SchemaWritePrompt = (question: SchemaWriteQuestion) => Promise<SchemaWriteAnswer>;

/** The workbench's prompt: a modal dialog, since it asks before writing to a settings file. */
export const vscodeSchemaWritePrompt: SchemaWritePrompt = async (q) => {
  const answer = await vscode.window.showInformationMessage(q.message, { modal: true, detail: q.detail }, q.allow, q.deny);
  return answer === q.allow ? 'allow' : answer === q.deny ? 'deny' : undefined;
};

/** Where a remembered answer is kept: the user's answer for user settings, each workspace's for its own. */
export const CONSENT_KEYS = {
  user: 'ssmPolicy.schemaSettings.userConsent',
  workspace: 'ssmPolicy.schemaSettings.workspaceConsent',
} as const;

type Target = 'user' | 'workspace';

/**
 * The fallback for VS Code versions whose JSON language features do not read `contributes.jsonValidationRegistry`:
 * there, file associations come only from `contributes.jsonValidation` (fixed file names) and the `json.schemas`
 * setting, so the `ssmPolicy.schemas.*` globs reach the JSON schemas only when copied into `json.schemas`. Nothing is
 * written without the user's consent, asked once per place (the user settings; each workspace) with what would be
 * written and where, and remembered (globalState, workspaceState). User globs go to the user settings, workspace globs
 * to the workspace settings (written into the user settings they would apply to every other workspace); nothing is
 * ever written to the settings of an untrusted workspace. Only the entries that point at this extension's schemas are
 * touched.
 */
export class SchemaSettingsSync implements vscode.Disposable {
  private running: Promise<void> = Promise.resolve();
  private toldRestricted = false;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * `schemaUrl`: the schema of each kind in the display language; `otherUrls`: our schemas in the other languages,
   * whose entries (written while VS Code showed another language) are replaced as well.
   */
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly trust: WorkspaceTrust,
    private readonly prompt: () => SchemaWritePrompt,
    private readonly schemaUrl: (kind: StandaloneKind) => string,
    private readonly otherUrls: () => readonly string[],
  ) {}

  /** Brings json.schemas in step with the globs (asking first where no answer is remembered); one sync at a time. */
  sync(): Promise<void> {
    this.running = this.running.then(() =>
      this.syncNow().catch((err: unknown) => {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('SSM Policy Studio could not update json.schemas: {0}', err instanceof Error ? err.message : String(err)),
        );
      }),
    );
    return this.running;
  }

  /** Forgets the remembered answers (the integration tests start each case afresh). */
  async forgetConsents(): Promise<void> {
    await this.context.globalState.update(CONSENT_KEYS.user, undefined);
    await this.context.workspaceState.update(CONSENT_KEYS.workspace, undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async syncNow(): Promise<void> {
    const ours = vscode.workspace.getConfiguration('ssmPolicy');
    const json = vscode.workspace.getConfiguration('json', null);
    const schemaUrl = this.schemaUrl;
    for (const target of ['user', 'workspace'] as const) {
      if (target === 'workspace' && !vscode.workspace.workspaceFolders?.length) continue;
      const globs: Partial<Record<StandaloneKind, string[]>> = {};
      for (const [kind, key] of Object.entries(SCHEMA_GLOB_SETTINGS) as [StandaloneKind, string][]) {
        const inspected = ours.inspect<string[]>(key);
        const value = target === 'user' ? inspected?.globalValue : inspected?.workspaceValue;
        if (Array.isArray(value)) globs[kind] = value;
      }
      const inspectedJson = json.inspect<unknown[]>('schemas');
      const current = target === 'user' ? inspectedJson?.globalValue : inspectedJson?.workspaceValue;
      const next = withOurAssociations(current, globs, schemaUrl, this.otherUrls());
      if (!next) continue;
      if (target === 'workspace' && !this.trust.isTrusted) {
        this.tellRestricted();
        continue;
      }
      const ourUrls = new Set((Object.keys(SCHEMA_FILES) as StandaloneKind[]).map(schemaUrl));
      if (!(await this.consents(target, next.filter((e) => ourUrls.has(e.url))))) continue;
      await json.update('schemas', next, target === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
    }
  }

  /** The remembered answer for a place, or the user's answer now (remembered unless the prompt was dismissed). */
  private async consents(target: Target, entries: readonly { fileMatch: string[] }[]): Promise<boolean> {
    const memory = target === 'user' ? this.context.globalState : this.context.workspaceState;
    const remembered = memory.get<string>(CONSENT_KEYS[target]);
    if (remembered === 'allow') return true;
    if (remembered === 'deny') return false;
    const globs = entries.flatMap((e) => e.fileMatch);
    const where = target === 'user' ? vscode.l10n.t('your user settings') : vscode.l10n.t('this workspace\'s .vscode/settings.json');
    const answer = await this.prompt()({
      message: vscode.l10n.t('Let SSM Policy Studio write the json.schemas setting in {0}?', where),
      detail: [
        vscode.l10n.t(
          'This version of VS Code gives the policy schemas (completion and hover) to the files of your ssmPolicy.schemas.* globs only through json.schemas. SSM Policy Studio would keep its own entries there in step with the globs, and change nothing else.',
        ),
        globs.length > 0 ? vscode.l10n.t('Globs: {0}', globs.join(', ')) : vscode.l10n.t('It would remove the entries it wrote before.'),
        vscode.l10n.t('Your answer is remembered. The linter works on these files either way.'),
      ].join('\n\n'),
      allow: vscode.l10n.t('Write json.schemas'),
      deny: vscode.l10n.t('Do Not Write'),
    });
    if (answer !== undefined) await memory.update(CONSENT_KEYS[target], answer);
    return answer === 'allow';
  }

  /** Says once that the workspace's globs are not copied into its settings while it is not trusted. */
  private tellRestricted(): void {
    if (this.toldRestricted) return;
    this.toldRestricted = true;
    const manage = vscode.l10n.t('Manage Workspace Trust');
    void vscode.window
      .showInformationMessage(
        vscode.l10n.t('Restricted Mode: SSM Policy Studio does not write json.schemas to the settings of a workspace you have not trusted, so the files of its ssmPolicy.schemas.* globs get no schema completion or hover.'),
        manage,
      )
      .then((choice) => {
        if (choice === manage) void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
      });
  }
}
