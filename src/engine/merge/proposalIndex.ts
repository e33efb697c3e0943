/**
 * Near-match proposals from a token inverted index. A query looks at the labels that share its
 * tokens, rarest token first, scores each such label once, and stops as soon as no label it has not
 * yet scored could reach the best score so far (or the threshold): a label that shares none of the
 * tokens seen has at most the r remaining ones in common, so its Dice is at most 2r / (n + r). The
 * cost follows the candidates, not the template's size; the answer is the one a full scan gives
 * (highest similarity, then the preferred label, then the first added).
 */
import { PROPOSAL_THRESHOLD, tokens } from "./keys";

interface Entry<T> {
  value: T;
  counts: Map<string, number>;
  size: number;
}

/** A tie-breaker smaller than any difference of two Dice scores of real labels. */
const PREFERENCE = 1e-6;

function countTokens(label: string): { counts: Map<string, number>; size: number } {
  const counts = new Map<string, number>();
  const list = tokens(label);
  for (const token of list) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { counts, size: list.length };
}

function dice(a: Map<string, number>, aSize: number, b: Map<string, number>, bSize: number): number {
  let common = 0;
  for (const [token, n] of a) common += Math.min(n, b.get(token) ?? 0);
  return (2 * common) / (aSize + bSize);
}

export interface NearMatch<T> {
  value: T;
  /** Dice similarity of the two labels' word multisets, 0..1. */
  similarity: number;
}

export class ProposalIndex<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly postings = new Map<string, number[]>();
  /** Per entry, the number of the last query that scored it (no Set per query). */
  private stamps = new Uint32Array(16);
  private query = 0;

  add(label: string, value: T): void {
    const { counts, size } = countTokens(label);
    if (size === 0) return;
    const id = this.entries.length;
    this.entries.push({ value, counts, size });
    for (const token of counts.keys()) {
      const list = this.postings.get(token);
      if (list) list.push(id);
      else this.postings.set(token, [id]);
    }
  }

  /**
   * The most similar label at or above the proposal threshold among those `allowed` accepts;
   * `preferred` ones win a tie (a row retyped within its own section is proposed there).
   */
  nearest(
    label: string,
    allowed: (value: T) => boolean = () => true,
    preferred: (value: T) => boolean = () => false,
  ): NearMatch<T> | undefined {
    const { counts, size } = countTokens(label);
    if (size === 0 || this.entries.length === 0) return undefined;
    if (this.stamps.length < this.entries.length) this.stamps = new Uint32Array(this.entries.length * 2);
    const stamp = ++this.query;
    const byRarity = [...counts.keys()].sort(
      (a, b) => (this.postings.get(a)?.length ?? 0) - (this.postings.get(b)?.length ?? 0),
    );
    let remaining = size;
    let best: { id: number; score: number; similarity: number } | undefined;
    for (const token of byRarity) {
      const bound = (2 * remaining) / (size + remaining);
      if (bound < PROPOSAL_THRESHOLD || (best && bound + PREFERENCE < best.score)) break;
      for (const id of this.postings.get(token) ?? []) {
        if (this.stamps[id] === stamp) continue;
        this.stamps[id] = stamp;
        const entry = this.entries[id];
        if (!allowed(entry.value)) continue;
        const similarity = dice(counts, size, entry.counts, entry.size);
        if (similarity < PROPOSAL_THRESHOLD) continue;
        const score = similarity + (preferred(entry.value) ? PREFERENCE : 0);
        if (!best || score > best.score || (score === best.score && id < best.id)) best = { id, score, similarity };
      }
      remaining -= counts.get(token)!;
    }
    return best && { value: this.entries[best.id].value, similarity: best.similarity };
  }
}
