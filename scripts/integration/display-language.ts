// A display language for code-server without a Microsoft language pack, for the Japanese suite (SSM_IT_SUITE=ja).
//
// code-server's `--locale ja` (or `"locale": "ja"` in User/argv.json) alone leaves VS Code in English: the server
// resolves a locale only through languagepacks.json in the user data folder, which lists the installed language
// packs; with no entry for the locale it falls back to `en`, and so does `vscode.env.language` in the extension host.
// That file is written when a language pack is installed through the running server (the Extensions view), not by
// `code-server --install-extension` nor by an extension folder dropped into --extensions-dir.
//
// So the runner installs a language pack of its own that carries no translations: an extension contributing
// `localizations` for the language whose main.i18n.json is empty, and the languagepacks.json entry the server would
// have written for it. The server then resolves the locale to that language: VS Code's own texts fall back to
// English (there is no translation for them), while `vscode.env.language` is `ja`, so an extension's
// package.nls.ja.json (contributed titles, setting descriptions) and l10n/bundle.l10n.ja.json (vscode.l10n.t) apply.
// docs/i18n.md tells how users get the same without the Microsoft language pack.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from './code-server';

/** The languages the runner can start code-server in. */
export type DisplayLanguage = 'ja';

const PUBLISHER = 'ssm-policy-studio-tests';
const VERSION = '0.0.1';
/** Names the cache folder the server writes (user/clp/<hash>.<language>); any string does, it is not checked. */
const HASH = 'ssm-it-no-translations-1';

/** What a language pack's manifest says of its language. */
const LANGUAGES: Readonly<Record<DisplayLanguage, { languageName: string; localizedLanguageName: string }>> = {
  ja: { languageName: 'Japanese', localizedLanguageName: '日本語' },
};

/**
 * Installs into the sandbox a language pack for `language` without translations (an extension folder in the
 * extensions folder, registered by code-server when it starts) and its entry in the user data folder's
 * languagepacks.json. Start code-server with {@link localeArgs} afterwards. Returns the extension's id.
 */
export function installDisplayLanguage(sandbox: Pick<Sandbox, 'exts' | 'user'>, language: DisplayLanguage): string {
  const name = `display-language-${language}`;
  const id = `${PUBLISHER}.${name}`;
  const folder = join(sandbox.exts, `${id}-${VERSION}`);
  const translations = join(folder, 'translations', 'main.i18n.json');
  mkdirSync(join(folder, 'translations'), { recursive: true });
  const manifest = {
    name,
    publisher: PUBLISHER,
    displayName: `${LANGUAGES[language].languageName} display language without translations (integration tests)`,
    version: VERSION,
    engines: { vscode: '*' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: language, ...LANGUAGES[language], translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }) + '\n');
  const languagePacks = {
    [language]: {
      hash: HASH,
      extensions: [{ extensionIdentifier: { id }, version: VERSION }],
      translations: { vscode: translations },
      label: LANGUAGES[language].localizedLanguageName,
    },
  };
  writeFileSync(join(sandbox.user, 'languagepacks.json'), JSON.stringify(languagePacks, null, 2) + '\n');
  return id;
}

/** code-server's arguments that select the display language (the same as `"locale"` in User/argv.json). */
export function localeArgs(language: DisplayLanguage): string[] {
  return ['--locale', language];
}
