/**
 * Remembers which row first carried each item key, in typed arrays rather than a Map of strings: a million keys cost
 * about 24 MB here against some 100 MB as strings, which keeps a large import's memory close to flat.
 *
 * Keys are stored as 64-bit hashes. Two different keys could share a hash; with a million rows the odds of that
 * happening at all are about 3 in 100 million, and the collision would surface as a `duplicate` record naming the
 * earlier row, not as silent loss.
 */
export class DedupeIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private rows: Uint32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
  }

  get count(): number {
    return this.size;
  }

  /** Records `key` at `row` and returns undefined, or returns the row that already holds it. */
  claim(key: string, row: number): number | undefined {
    const [h, l] = hash64(key);
    const found = this.find(h, l);
    if (this.rows[found] !== 0) return this.rows[found];
    this.hi[found] = h;
    this.lo[found] = l;
    this.rows[found] = row;
    if (++this.size * 2 > this.rows.length) this.grow();
    return undefined;
  }

  private find(h: number, l: number): number {
    const mask = this.rows.length - 1;
    let i = (l ^ h) & mask;
    // Row numbers start at 1, so 0 marks an empty slot.
    while (this.rows[i] !== 0 && (this.hi[i] !== h || this.lo[i] !== l)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const h = hi[i] ?? 0;
      const l = lo[i] ?? 0;
      const j = this.find(h, l);
      this.hi[j] = h;
      this.lo[j] = l;
      this.rows[j] = rows[i] ?? 0;
    }
  }
}

/** Two independent 32-bit lanes (murmur3-style mixing), i.e. one 64-bit hash. */
function hash64(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
