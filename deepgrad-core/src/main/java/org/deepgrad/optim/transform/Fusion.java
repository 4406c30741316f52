package org.deepgrad.optim.transform;

import java.util.List;

/**
 * Recognises the chains that have a {@link Fused} form: {@code pre, core, post, ScaleByLearningRate}
 * where pre and post are any runs of {@link Scale} and {@link AddDecayedWeights} (so maximize, L2 and
 * decoupled decay) and the core is nothing, {@link Momentum}, {@link ScaleByAdam},
 * {@link ScaleByRms} optionally followed by {@link Momentum}, or {@link ScaleByAdagrad}. That covers
 * SGD (with momentum, Nesterov, dampening, weight decay), Adam, AdamW, RMSprop and Adagrad, each with
 * maximize. The core runs its link's own loop on the link's state in the chain's per-link states.
 */
final class Fusion {
  private Fusion() {}

  /** The fused form of {@code chain}, or null when it has none. */
  static Fused of(Chain chain) {
    List<Transform<?>> links = chain.links();
    int last = links.size() - 1;
    if (last < 0 || !(links.get(last) instanceof ScaleByLearningRate)) return null;
    int i = 0;
    Affine pre = Affine.IDENTITY;
    for (Affine next; i < last && (next = pre.then(links.get(i))) != null; i++) pre = next;
    int core = i;
    Transform<?> coreLink = i < last ? links.get(i) : null;
    int momentum = -1;
    if (coreLink instanceof Momentum) {
      momentum = i++;
      coreLink = null;
    } else if (coreLink instanceof ScaleByRms) {
      i++;
      if (i < last && links.get(i) instanceof Momentum) momentum = i++;
    } else if (coreLink instanceof ScaleByAdam || coreLink instanceof ScaleByAdagrad) {
      i++;
    }
    Affine post = Affine.IDENTITY;
    for (; i < last; i++) {
      post = post.then(links.get(i));
      if (post == null) return null; // an unknown link, or a second core
    }
    Momentum m = momentum < 0 || ((Momentum) links.get(momentum)).momentum() == 0
        ? null : (Momentum) links.get(momentum); // momentum 0 is a no-op and keeps no state
    int mi = momentum;
    Fused.Core run;
    if (coreLink instanceof ScaleByAdam adam) {
      run = (st, g, x, t, a, c, keep, scale, from, to) ->
          adam.run((ScaleByAdam.State) st[core], g, x, t, a, c, keep, scale, from, to);
    } else if (coreLink instanceof ScaleByRms rms) {
      run = (st, g, x, t, a, c, keep, scale, from, to) -> rms.run((ScaleByRms.State) st[core], m,
          m == null ? null : ((Momentum.State) st[mi]).momentumBuffer(), g, x, t, a, c, keep, scale, from, to);
    } else if (coreLink instanceof ScaleByAdagrad adagrad) {
      run = (st, g, x, t, a, c, keep, scale, from, to) ->
          adagrad.run((ScaleByAdagrad.State) st[core], g, x, t, a, c, keep, scale, from, to);
    } else if (m != null) {
      run = (st, g, x, t, a, c, keep, scale, from, to) ->
          m.run(((Momentum.State) st[mi]).momentumBuffer(), g, x, t, a, c, keep, scale, from, to);
    } else {
      run = Fused.NONE;
    }
    return new Fused(pre, post, run);
  }
}
