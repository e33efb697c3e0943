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
  /** The label's token ids in ascending order, a repeated word repeated. */
  tokens: Int32Array;
}

/** A tie-breaker smaller than any difference of two Dice scores of real labels. */
const PREFERENCE = 1e-6;

/**
 * Words in common of two sorted multisets of token ids, by one merge of the two: the labels of a
 * template share most of their words, so a query scores hundreds of candidates, and integer
 * compares cost a fraction of Map lookups by string (bench/README.md).
 */
function common(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}

export interface NearMatch<T> {
  value: T;
  /** Dice similarity of the two labels' word multisets, 0..1. */
  similarity: number;
}

export class ProposalIndex<T> {
  private readonly entries: Entry<T>[] = [];
  private readonly tokenIds = new Map<string, number>();
  /** Per token id, the entries holding it. */
  private readonly postings: number[][] = [];
  /** Per entry, the number of the last query that scored it (no Set per query). */
  private stamps = new Uint32Array(16);
  private query = 0;

  add(label: string, value: T): void {
    const words = tokens(label);
    if (words.length === 0) return;
    const ids = Int32Array.from(words, (word) => this.idOf(word)).sort();
    const id = this.entries.length;
    this.entries.push({ value, tokens: ids });
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) this.postings[ids[i]].push(id);
  }

  private idOf(word: string): number {
    let id = this.tokenIds.get(word);
    if (id === undefined) {
      id = this.postings.length;
      this.tokenIds.set(word, id);
      this.postings.push([]);
    }
    return id;
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
    const words = tokens(label);
    const size = words.length;
    if (size === 0 || this.entries.length === 0) return undefined;
    if (this.stamps.length < this.entries.length) this.stamps = new Uint32Array(this.entries.length * 2);
    const stamp = ++this.query;
    // Each distinct word with its count, rarest first (a word no entry holds: none, so first).
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    const postingsOf = (word: string) => {
      const id = this.tokenIds.get(word);
      return id === undefined ? [] : this.postings[id];
    };
    const byRarity = [...counts.keys()].sort((a, b) => postingsOf(a).length - postingsOf(b).length);
    const known = Int32Array.from(
      words.filter((word) => this.tokenIds.has(word)),
      (word) => this.tokenIds.get(word)!,
    ).sort();
    let remaining = size;
    let best: { id: number; score: number; similarity: number } | undefined;
    for (const word of byRarity) {
      const bound = (2 * remaining) / (size + remaining);
      if (bound < PROPOSAL_THRESHOLD || (best && bound + PREFERENCE < best.score)) break;
      for (const id of postingsOf(word)) {
        if (this.stamps[id] === stamp) continue;
        this.stamps[id] = stamp;
        const entry = this.entries[id];
        if (!allowed(entry.value)) continue;
        const similarity = (2 * common(known, entry.tokens)) / (size + entry.tokens.length);
        if (similarity < PROPOSAL_THRESHOLD) continue;
        const score = similarity + (preferred(entry.value) ? PREFERENCE : 0);
        if (!best || score > best.score || (score === best.score && id < best.id)) best = { id, score, similarity };
      }
      remaining -= counts.get(word)!;
    }
    return best && { value: this.entries[best.id].value, similarity: best.similarity };
  }
}
