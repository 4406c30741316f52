package org.deepgrad.autograd;

/**
 * A scope in which operations are not recorded on the tape, for evaluation and for weight updates:
 * {@code try (NoGrad scope = NoGrad.enter()) { ... }}. Scopes nest; the setting is per thread.
 */
public final class NoGrad implements AutoCloseable {
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final int[] depth;
  private boolean closed;

  private NoGrad() {
    depth = DEPTH.get();
    depth[0]++;
  }

  /** Turns recording off on this thread until {@link #close()}. */
  public static NoGrad enter() {
    return new NoGrad();
  }

  /** Whether operations on this thread are being recorded. */
  public static boolean isRecording() {
    return DEPTH.get()[0] == 0;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      depth[0]--;
    }
  }
}
