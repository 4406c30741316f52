package org.deepgrad.optim.transform;

import java.util.List;

/**
 * Recognises the chains that have a {@link Fused} form: {@code pre, core, post, ScaleByLearningRate}
 * where pre and post are any runs of {@link Scale} and {@link AddDecayedWeights} (so maximize, L2 and
 * decoupled decay) and the core is nothing, {@link Momentum}, {@link ScaleByAdam},
 * {@link ScaleByRms} optionally followed by {@link Momentum}, or {@link ScaleByAdagrad}. That covers
 * SGD (with momentum, Nesterov, dampening, weight decay), Adam, AdamW, RMSprop and Adagrad, each with
 * maximize. The step is then {@code θ ← θ − lr·(a₂·core(a₁·g + c₁·θ) + c₂·θ)}.
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
    MomentumTerm m = momentum < 0 ? MomentumTerm.NONE : new MomentumTerm(momentum, (Momentum) links.get(momentum));
    if (coreLink == null) return new FusedSgd(pre, post, m);
    if (coreLink instanceof ScaleByAdam adam) return new FusedAdam(core, pre, post, adam);
    if (coreLink instanceof ScaleByRms rms) return new FusedRms(core, pre, post, rms, m);
    return new FusedAdagrad(core, pre, post, (ScaleByAdagrad) coreLink);
  }
}
