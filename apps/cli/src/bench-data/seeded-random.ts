/**
 * A small, fast pseudo-random generator (sfc32) seeded from one number, so that
 * `bench-data --seed N` builds the same rows every time. Not for anything secret.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads the seed over the four words of state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A version-4 shaped UUID drawn from this generator (deterministic, unlike gen_random_uuid). */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    // Version 4 in the high nibble of the 7th byte, variant 10xx in the 9th.
    return (
      hex8(a) +
      '-' +
      HEX[(b >>> 24) & 0xff] +
      HEX[(b >>> 16) & 0xff] +
      '-4' +
      '0123456789abcdef'.charAt((b >>> 8) & 0x0f) +
      HEX[b & 0xff] +
      '-' +
      HEX[0x80 | ((c >>> 24) & 0x3f)] +
      HEX[(c >>> 16) & 0xff] +
      '-' +
      HEX[(c >>> 8) & 0xff] +
      HEX[c & 0xff] +
      hex8(d)
    );
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return (HEX[(n >>> 24) & 0xff] as string) + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}
