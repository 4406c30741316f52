package org.deepgrad.tensor;

/**
 * The one seeded random generator used everywhere (initializers, dropout, shuffling, synthetic data).
 *
 * <p>xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: fast, 256 bits of state,
 * and the state can be saved and restored ({@link #state()}, {@link #fromState(long[])}, in place
 * with {@link #restore(long[])}) so a resumed run draws exactly the numbers it would have drawn.
 * Same seed, same sequence, on every JVM. Not thread-safe: give each thread its own generator ({@link #fork()}).
 */
public final class Rng {
  private long s0, s1, s2, s3;

  /** A generator whose sequence is fixed by {@code seed}. */
  public Rng(long seed) {
    long x = seed;
    s0 = splitMix(x += 0x9E3779B97F4A7C15L);
    s1 = splitMix(x += 0x9E3779B97F4A7C15L);
    s2 = splitMix(x += 0x9E3779B97F4A7C15L);
    s3 = splitMix(x + 0x9E3779B97F4A7C15L);
  }

  private Rng(long[] state) {
    restore(state);
  }

  /** Restores a generator saved with {@link #state()}. */
  public static Rng fromState(long[] state) {
    return new Rng(state);
  }

  /**
   * Puts this generator back into a state saved with {@link #state()}, in place, so every holder of
   * it (a dropout layer, say) continues from there: what a resumed run needs.
   *
   * @throws IllegalArgumentException unless the state is 4 longs, not all zero (xoshiro's one forbidden state)
   */
  public void restore(long[] state) {
    if (state.length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0) {
      throw new IllegalArgumentException("an Rng state is 4 longs, not all zero; got " + state.length
          + " longs. Pass an array saved by Rng.state()");
    }
    s0 = state[0];
    s1 = state[1];
    s2 = state[2];
    s3 = state[3];
  }

  /** The generator's full state: four longs. */
  public long[] state() {
    return new long[] {s0, s1, s2, s3};
  }

  /** A new generator seeded from this one's next output: an independent stream, deterministically. */
  public Rng fork() {
    return new Rng(nextLong());
  }

  private static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The next 64 random bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, 1) with 24 random bits. */
  public float nextFloat() {
    return (nextLong() >>> 40) * 0x1.0p-24f;
  }

  /** Uniform integer in [0, bound), without modulo bias (Lemire's method). */
  public int nextInt(int bound) {
    if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Standard normal, by Box-Muller (one draw per call, so the state alone fixes the sequence). */
  public double normal() {
    double u1 = 1.0 - nextDouble(); // in (0, 1]: log stays finite
    double u2 = nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Normal with the given mean and standard deviation. */
  public double normal(double mean, double std) {
    return mean + std * normal();
  }

  /** True with probability {@code p}. */
  public boolean bernoulli(double p) {
    if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli p must be in [0, 1], got " + p);
    return nextDouble() < p;
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) p[i] = i;
    shuffle(p);
    return p;
  }

  /** Shuffles {@code a} in place, uniformly (Fisher-Yates). */
  public void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
