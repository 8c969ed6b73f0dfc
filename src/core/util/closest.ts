import { didYouMean, editDistance } from './did-you-mean';

/**
 * Like {@link didYouMean}, but when several candidates are equally close, prefers the one that shares the
 * longest start with the input ("ssms" → "ssm" rather than "sms"), then the first one given.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const first = didYouMean(input, candidates);
  if (first === undefined || first.toLowerCase() === input.toLowerCase()) return first;
  const best = editDistance(input, first);
  let pick = first;
  let pickShared = sharedStart(input, first);
  for (const c of candidates) {
    if (c === first || Math.abs(c.length - input.length) > best) continue;
    const shared = sharedStart(input, c);
    if (shared > pickShared && editDistance(input, c, best) === best) {
      pick = c;
      pickShared = shared;
    }
  }
  return pick;
}

function sharedStart(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let i = 0;
  while (i < s.length && i < t.length && s[i] === t[i]) i++;
  return i;
}
