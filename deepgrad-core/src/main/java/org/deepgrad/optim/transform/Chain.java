package org.deepgrad.optim.transform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transforms applied in order, as optax's {@code chain}: {@code adam = chain(scale_by_adam,
 * scale(-lr))}. A chain is configuration only and may be shared; the per-parameter states it
 * creates are an {@code Object[]} with one entry per link.
 */
public record Chain(List<Transform<?>> links) {

  /** Copies {@code links} (no nulls) into an immutable list. */
  public Chain {
    links = List.copyOf(links);
  }

  /** A chain of these links, applied in the order given. */
  public static Chain of(Transform<?>... links) {
    return new Chain(List.of(links));
  }

  /** The states of every link for a parameter of {@code size} elements. */
  public Object[] init(int size) {
    Object[] states = new Object[links.size()];
    for (int i = 0; i < states.length; i++) states[i] = links.get(i).init(size);
    buffers(states); // fails now, not at the first save, if two links name a buffer alike
    return states;
  }

  /** Runs every link over {@code u} in place. */
  public void update(Object[] states, float[] u, float[] theta, Step step) {
    for (int i = 0; i < states.length; i++) apply(links.get(i), states[i], u, theta, step);
  }

  /**
   * This chain's step in one pass over each parameter ({@link Fused}), or null when it has none and
   * must run link by link. The presets' chains (SGD, Adam, AdamW, RMSprop, Adagrad) have one; it
   * is worked out anew on each call, so callers keep it.
   */
  public Fused fused() {
    return Fusion.of(this);
  }

  /** The named buffers of all links' states (live arrays), for state dicts. */
  public Map<String, float[]> buffers(Object[] states) {
    Map<String, float[]> all = new LinkedHashMap<>();
    for (Object s : states) {
      if (!(s instanceof Transform.State state)) continue;
      state.buffers().forEach((name, buffer) -> {
        if (all.put(name, buffer) != null) {
          throw new IllegalStateException("two transforms of the chain " + links + " keep a buffer named '"
              + name + "', so a state dict could not tell them apart; use one transform of each kind");
        }
      });
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private static <S> void apply(Transform<S> link, Object state, float[] u, float[] theta, Step step) {
    link.update((S) state, u, theta, step);
  }
}
