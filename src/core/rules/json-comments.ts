import type { Edit, Finding, PolicyRule } from './rule';

/** `//` and `/* *\/` comments: the editor's JSONC mode accepts them, IAM's strict JSON parser rejects the policy. */
export const jsonComments: PolicyRule = {
  id: 'json-comments',
  meta: {
    description: 'IAM policies are strict JSON: comments are not allowed.',
    defaultSeverity: 'error',
    fixable: true,
    appliesTo: ['identity', 'trust', 'resource', 'scp'],
    messages: {
      comment:
        'Comments are not allowed in a policy: IAM parses it as strict JSON and rejects the document. Remove the comment and keep notes outside the policy (a statement can be named with "Sid").',
    },
  },
  check(policy) {
    const { text, comments } = policy;
    const edits: Edit[] = [];
    // A run: comments on one line separated only by blanks (`/* a */ // b`); it is removed as one piece.
    for (let first = 0; first < comments.length; ) {
      let last = first;
      while (last + 1 < comments.length && isBlankBetween(text, end(comments[last]), comments[last + 1]?.offset ?? 0)) last++;
      const run = comments.slice(first, last + 1);
      const whole = removeRun(text, run[0]?.offset ?? 0, end(run[run.length - 1]));
      // Split the piece among the run's comments: each also takes the blanks up to the next one.
      run.forEach((comment, k) => {
        const from = k === 0 ? whole.offset : comment.offset;
        const next = run[k + 1];
        const to = next ? next.offset : whole.offset + whole.length;
        edits.push({ offset: from, length: to - from, content: '' });
      });
      first = last + 1;
    }
    // A run alone on the last line takes the line break before it, which the run on the line above may also
    // take: the earlier edit yields it, so that fixing every comment is one pass.
    for (let i = 0; i + 1 < edits.length; i++) {
      const edit = edits[i];
      const next = edits[i + 1];
      if (edit && next && edit.offset + edit.length > next.offset) edit.length = next.offset - edit.offset;
    }
    return comments.map((comment, i): Finding => {
      const edit = edits[i];
      return { messageId: 'comment', range: comment, fix: edit ? [edit] : undefined };
    });
  },
};

function end(comment: { offset: number; length: number } | undefined): number {
  return comment ? comment.offset + comment.length : 0;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text[i])) return false;
  return true;
}

/**
 * Deletes the text from `offset` to `end` (comments and the blanks between them). Comments alone on their
 * line(s) take the line break with them, so no blank line is left; trailing ones, or ones right before
 * `,` `:` `}` `]`, take the blanks before them; other inline ones the blanks after them.
 */
function removeRun(text: string, offset: number, end: number): Edit {
  let before = offset;
  while (before > 0 && isBlank(text[before - 1])) before--;
  let after = end;
  while (after < text.length && isBlank(text[after])) after++;
  const atLineStart = before === 0 || text[before - 1] === '\n' || text[before - 1] === '\r';
  const atLineEnd = after === text.length || text[after] === '\n' || text[after] === '\r';
  if (atLineStart && atLineEnd) {
    let lineEnd = after;
    if (text[lineEnd] === '\r') lineEnd++;
    if (text[lineEnd] === '\n') lineEnd++;
    if (lineEnd === after && before > 0) {
      // The last line of the text: take the line break before it instead.
      let start = before - 1;
      if (text[start] === '\n' && text[start - 1] === '\r') start--;
      return { offset: start, length: after - start, content: '' };
    }
    return { offset: before, length: lineEnd - before, content: '' };
  }
  if (atLineEnd) return { offset: before, length: after - before, content: '' };
  // Punctuation that hugs the token before it: `1 /* x */ }` becomes `1}`.
  if (!atLineStart && ',:}]'.includes(text[after] ?? '')) return { offset: before, length: after - before, content: '' };
  // Keep one separator when the comment sat between two tokens with blanks on the left.
  return { offset, length: (before < offset ? after : end) - offset, content: '' };
}
