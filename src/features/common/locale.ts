import * as vscode from 'vscode';
import type { Localized } from '../../core/catalog/types';
import { localeOf, type Locale } from '../../core/i18n';

/** The language of the editor's texts: VS Code's display language (Japanese, or English). */
export function editorLocale(): Locale {
  return localeOf(vscode.env.language);
}

/** A text kept in both languages (the catalog's titles and descriptions), in the editor's language. */
export function localized(value: Localized): string {
  return editorLocale() === 'ja' ? value.ja : value.en;
}
