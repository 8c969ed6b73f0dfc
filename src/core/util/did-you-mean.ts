/** Levenshtein distance, case-insensitive, with an early exit above `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  // Checked before lower-casing: a huge input against many short candidates must not copy itself for each one.
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * The closest candidate to `input`, or undefined when none is close enough.
 * Close enough: an exact case-insensitive match, or a distance of at most a third of the input's length (min 1, max 4).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const max = Math.max(1, Math.min(4, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - input.length) > max) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    const d = editDistance(input, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
