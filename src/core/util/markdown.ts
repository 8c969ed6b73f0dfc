/** An inline Markdown code span; backticks inside become quotes so the span cannot break. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** Text from AWS (error messages, user ARNs) made safe for Markdown: no emphasis, links, HTML or headings. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
