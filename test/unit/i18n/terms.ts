/** The terminology table of docs/i18n.md, as the Japanese tests read it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

export interface Term {
  en: string;
  ja: string;
  wrong: string[];
}

/** The terminology table of docs/i18n.md: English, 日本語, not (variants, comma-separated; a note in parentheses is dropped). */
export function terminology(markdown = readFileSync(join(root, 'docs', 'i18n.md'), 'utf8')): Term[] {
  const start = markdown.indexOf('## Terminology');
  const next = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, next < 0 ? undefined : next);
  const rows = section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l)).slice(1);
  return rows.map((row) => {
    const [en = '', ja = '', not = ''] = row.split('|').slice(1, -1).map((c) => c.trim());
    const wrong = not
      .replace(/\([^)]*\)/g, '')
      .split(/[,、]/)
      .map((w) => w.trim())
      .filter(Boolean);
    return { en: en.replace(/\s*\([^)]*\)/g, '').trim(), ja, wrong };
  });
}

