/** The detector of English left in a Japanese text, for test/unit/i18n/slots.test.ts. */

/**
 * The English phrases of a Japanese text: three or more lower-case English words in a row, once quoted values
 * ("…", `…`), AWS error texts cited in parentheses (MalformedPolicyDocument: …), ARNs, names with `:`, `/`, `$`, `_` or an
 * inner `.`, and JSON snippets ({ … }) are taken out.
 */
export function englishPhrases(message: string): string[] {
  const stripped = message
    .replace(/`[^`]*`/g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/“[^”]*”|「[^」]*」/g, ' ')
    .replace(/\(MalformedPolicyDocument:[^)]*\)/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\S*(?:[:/$_{}<>@=]|\.(?=[A-Za-z0-9*]))\S*/g, ' ');
  // A list of names ("bucket, document, instance") is not a phrase: a phrase has two words with only a space between.
  return [...stripped.matchAll(/(?<![A-Za-z0-9'-])[a-z][a-z'-]*(?:,? +[a-z][a-z'-]*){2,}(?![A-Za-z0-9])/g)]
    .map((m) => m[0])
    .filter((phrase) => /[a-z'-] [a-z]/.test(phrase));
}
