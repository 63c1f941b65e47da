/**
 * FNV-1a hashing (Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/) in pure JS, for
 * cache keys: a road network's version and a point set's fingerprint. Lane a is standard 32-bit
 * FNV-1a; lane b is FNV-1a from another basis with an extra xor-shift, so the lanes do not collide
 * together and the 64-bit key makes an accidental clash among a server's cached matrices
 * practically impossible. Not a cryptographic hash: keys are not secrets here.
 */
export class Fnv1aHasher {
  // Two lanes: the standard 32-bit offset basis, and a second basis so the lanes differ.
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  private readonly float = new Float64Array(1);
  private readonly words = new Uint32Array(this.float.buffer);

  /** Mixes one unsigned 32-bit word into both lanes (FNV-1a over the word's four bytes). */
  private word(w: number): void {
    for (let shift = 0; shift < 32; shift += 8) {
      const byte = (w >>> shift) & 0xff;
      this.a = Math.imul(this.a ^ byte, 0x01000193);
      this.b = Math.imul(this.b ^ byte, 0x01000193) ^ (this.b >>> 15);
    }
  }

  /** Adds a 32-bit integer (its low 32 bits). */
  int32(value: number): this {
    this.word(value >>> 0);
    return this;
  }

  /** Adds a number by its exact IEEE-754 bits, so 10.1 and 10.100000001 hash differently. */
  number(value: number): this {
    this.float[0] = value;
    this.word(this.words[0]!);
    this.word(this.words[1]!);
    return this;
  }

  /** Adds a string (UTF-16 code units) followed by a separator, so ["ab","c"] ≠ ["a","bc"]. */
  string(value: string): this {
    for (let i = 0; i < value.length; i++) this.word(value.charCodeAt(i));
    this.word(0xffffffff);
    return this;
  }

  /** The 64-bit digest as 16 hex digits. */
  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, "0") + (this.b >>> 0).toString(16).padStart(8, "0");
  }
}
