import type { Locale } from '../i18n';

/**
 * A text of the schemas in each language the product speaks, the Japanese beside the English, so that a missing
 * translation is a compile error. The Japanese texts use the words and the style of docs/i18n.md.
 */
export type Text = Readonly<Record<Locale, string>>;

/** A text written the same in every language: an element name (`Version`), an operator, a JSON value. */
export function verbatim(text: string): Text {
  return { en: text, ja: text };
}

const AWS_DOCS = 'https://docs.aws.amazon.com/';

/** An AWS documentation page in a language: the Japanese edition of a page lives under `ja_jp/`. */
export function docsUrl(url: string, locale: Locale): string {
  return locale === 'ja' && url.startsWith(AWS_DOCS) ? `${AWS_DOCS}ja_jp/${url.slice(AWS_DOCS.length)}` : url;
}
