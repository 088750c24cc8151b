/**
 * Seeded pseudo-random numbers for the simulator and the bootstrap. Fully deterministic:
 * the same seed gives the same stream on every platform (32-bit integer arithmetic only,
 * plus Math.log/Math.sqrt/Math.cos which IEEE-754 makes reproducible in V8 for these inputs).
 *
 * Generator: mulberry32 (Tommy Ettinger, public domain, 2017), period 2^32 - enough for
 * cohorts of a few hundred thousand draws; seeds for sub-streams are derived with splitmix32.
 */

/** A seeded random stream. */
export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Bernoulli(p) as a boolean. */
  bernoulli(p: number): boolean;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** Poisson(lambda) by inversion (small lambda only, as used here: < 30). */
  poisson(lambda: number): number;
  /** Index drawn with probability proportional to `weights`. */
  categorical(weights: readonly number[]): number;
}

/** splitmix32 finaliser: turns (seed, stream id) into a well-mixed 32-bit seed. */
export function mixSeed(seed: number, stream: number): number {
  let z = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Creates a mulberry32 stream from a 32-bit seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = next();
    while (u <= 1e-12) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    normal,
    bernoulli: (p) => next() < p,
    int: (n) => Math.floor(next() * n),
    poisson: (lambda) => {
      const l = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > l) {
        k += 1;
        p *= next();
      }
      return k;
    },
    categorical: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let u = next() * total;
      for (let i = 0; i < weights.length; i += 1) {
        u -= weights[i] ?? 0;
        if (u < 0) return i;
      }
      return weights.length - 1;
    },
  };
}
