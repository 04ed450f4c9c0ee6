/**
 * A small seeded generator (mulberry32): the same seed gives the same operations, in the same
 * order, on every machine, so a failure found once can be replayed with FUZZ_SEED.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A uuid-shaped string from this generator (not crypto: reproducibility is the point). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/** FUZZ_SEED when given (a whole number), otherwise the fixed default. */
export function fuzzSeed(env: Record<string, string | undefined>, fallback = 20261207): number {
  const text = env.FUZZ_SEED?.trim();
  if (!text) return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`FUZZ_SEED must be a whole number, got "${text}"`);
  return Number(text);
}
