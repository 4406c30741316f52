package org.deepgrad.optim;

import java.util.List;
import java.util.Map;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.AddDecayedWeights;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.optim.transform.Momentum;
import org.deepgrad.optim.transform.Scale;
import org.deepgrad.optim.transform.ScaleByAdadelta;
import org.deepgrad.optim.transform.ScaleByAdagrad;
import org.deepgrad.optim.transform.ScaleByAdam;
import org.deepgrad.optim.transform.ScaleByAdamax;
import org.deepgrad.optim.transform.ScaleByLearningRate;
import org.deepgrad.optim.transform.ScaleByNadam;
import org.deepgrad.optim.transform.ScaleByRadam;
import org.deepgrad.optim.transform.ScaleByRms;

/**
 * The torch.optim presets, each a chain of transforms with torch 1.13's update rule (g is the
 * gradient, plus λθ where weight decay is L2; t the parameter's step count). Each takes the
 * model's named parameters (one group) or a list of {@link ParamGroup}s, and a hyper-parameter
 * record holding torch's defaults: {@code Optimizers.adam(params, Adam.defaults().lr(3e-4))}.
 * {@link OptimizerRegistry} builds them by name from torch-named values.
 */
public final class Optimizers {
  private Optimizers() {}

  /**
   * torch.optim.SGD: {@code b = μ·b + (1−τ)·g} (b = g at the first step), {@code d = g + μ·b}
   * if nesterov else {@code b}, {@code θ ← θ − lr·d}; with momentum 0, {@code θ ← θ − lr·g}.
   */
  public static Optimizer sgd(List<ParamGroup> groups, SGD h) {
    return new Optimizer("sgd", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()), new Momentum(g.momentum(), g.dampening(), g.nesterov()),
        new ScaleByLearningRate()));
  }

  /** {@link #sgd(List, SGD)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer sgd(Map<String, Parameter> params, SGD h) {
    return sgd(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.Adagrad: {@code s += g²}, {@code θ ← θ − clr·g/(√s + ε)} with
   * {@code clr = lr/(1 + (t−1)·lr_decay)} and {@code s₀ = initial_accumulator_value}.
   */
  public static Optimizer adagrad(List<ParamGroup> groups, Adagrad h) {
    return new Optimizer("adagrad", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()),
        new ScaleByAdagrad(g.lrDecay(), g.initialAccumulatorValue(), g.eps()), new ScaleByLearningRate()));
  }

  /** {@link #adagrad(List, Adagrad)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer adagrad(Map<String, Parameter> params, Adagrad h) {
    return adagrad(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.RMSprop: {@code v = α·v + (1−α)·g²}, {@code d = g/(√v + ε)} (centered:
   * {@code √(v − ḡ²)} with {@code ḡ = α·ḡ + (1−α)·g}), with momentum {@code b = μ·b + d},
   * {@code θ ← θ − lr·b}, else {@code θ ← θ − lr·d}. ε is outside the root.
   */
  public static Optimizer rmsprop(List<ParamGroup> groups, RMSprop h) {
    return new Optimizer("rmsprop", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()), new ScaleByRms(g.alpha(), g.eps(), g.centered()),
        new Momentum(g.momentum(), 0, false), new ScaleByLearningRate()));
  }

  /** {@link #rmsprop(List, RMSprop)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer rmsprop(Map<String, Parameter> params, RMSprop h) {
    return rmsprop(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.Adadelta: {@code v = ρ·v + (1−ρ)·g²}, {@code Δ = √(a + ε)/√(v + ε)·g},
   * {@code a = ρ·a + (1−ρ)·Δ²}, {@code θ ← θ − lr·Δ} (lr 1.0 is Zeiler's rule).
   */
  public static Optimizer adadelta(List<ParamGroup> groups, Adadelta h) {
    return new Optimizer("adadelta", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()), new ScaleByAdadelta(g.rho(), g.eps()), new ScaleByLearningRate()));
  }

  /** {@link #adadelta(List, Adadelta)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer adadelta(Map<String, Parameter> params, Adadelta h) {
    return adadelta(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.Adam: {@code m = β₁m + (1−β₁)g}, {@code v = β₂v + (1−β₂)g²},
   * {@code θ ← θ − lr·(m/(1−β₁ᵗ)) / (√v̂/√(1−β₂ᵗ) + ε)} with {@code v̂ = max(v̂, v)} if amsgrad else v.
   * weight_decay is L2 (added to g before the moments), so it is scaled down where v is large.
   */
  public static Optimizer adam(List<ParamGroup> groups, Adam h) {
    return new Optimizer("adam", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()), new ScaleByAdam(g.beta1(), g.beta2(), g.eps(), g.amsgrad()),
        new ScaleByLearningRate()));
  }

  /** {@link #adam(List, Adam)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer adam(Map<String, Parameter> params, Adam h) {
    return adam(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.AdamW: {@code θ ← θ − lr·λ·θ}, then Adam's update without L2: the decay sits after
   * the adaptive scaling, so every weight shrinks at the same rate (Loshchilov &amp; Hutter 2019).
   */
  public static Optimizer adamw(List<ParamGroup> groups, AdamW h) {
    return new Optimizer("adamw", groups, h, g -> Chain.of(maximize(g.maximize()),
        new ScaleByAdam(g.beta1(), g.beta2(), g.eps(), g.amsgrad()), new AddDecayedWeights(g.weightDecay()),
        new ScaleByLearningRate()));
  }

  /** {@link #adamw(List, AdamW)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer adamw(Map<String, Parameter> params, AdamW h) {
    return adamw(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.Adamax: {@code m = β₁m + (1−β₁)g}, {@code u = max(β₂u, |g| + ε)},
   * {@code θ ← θ − lr/(1−β₁ᵗ)·m/u}.
   */
  public static Optimizer adamax(List<ParamGroup> groups, Adamax h) {
    return new Optimizer("adamax", groups, h, g -> Chain.of(maximize(g.maximize()),
        new AddDecayedWeights(g.weightDecay()), new ScaleByAdamax(g.beta1(), g.beta2(), g.eps()),
        new ScaleByLearningRate()));
  }

  /** {@link #adamax(List, Adamax)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer adamax(Map<String, Parameter> params, Adamax h) {
    return adamax(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.NAdam: {@code μₜ = β₁(1 − ½·0.96^(tψ))}, {@code Πₜ = Πₜ₋₁μₜ}, Adam's moments,
   * {@code d = √(v/(1−β₂ᵗ)) + ε},
   * {@code θ ← θ − lr·[(1−μₜ)/(1−Πₜ)·g/d + μₜ₊₁/(1−Πₜμₜμₜ₊₁)·m/d]} (torch 1.13's second
   * denominator, with μₜ twice; see {@link ScaleByNadam}).
   */
  public static Optimizer nadam(List<ParamGroup> groups, NAdam h) {
    return new Optimizer("nadam", groups, h, g -> Chain.of(new AddDecayedWeights(g.weightDecay()),
        new ScaleByNadam(g.beta1(), g.beta2(), g.eps(), g.momentumDecay()), new ScaleByLearningRate()));
  }

  /** {@link #nadam(List, NAdam)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer nadam(Map<String, Parameter> params, NAdam h) {
    return nadam(ParamGroup.all(params), h);
  }

  /**
   * torch.optim.RAdam: Adam's moments, {@code ρ∞ = 2/(1−β₂) − 1},
   * {@code ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ)}; if {@code ρₜ > 5},
   * {@code θ ← θ − lr·m̂·r·√(1−β₂ᵗ)/(√v + ε)} with the rectification r, else {@code θ ← θ − lr·m̂}.
   */
  public static Optimizer radam(List<ParamGroup> groups, RAdam h) {
    return new Optimizer("radam", groups, h, g -> Chain.of(new AddDecayedWeights(g.weightDecay()),
        new ScaleByRadam(g.beta1(), g.beta2(), g.eps()), new ScaleByLearningRate()));
  }

  /** {@link #radam(List, RAdam)} with every parameter in one group ({@link ParamGroup#all}). */
  public static Optimizer radam(Map<String, Parameter> params, RAdam h) {
    return radam(ParamGroup.all(params), h);
  }

  /** torch's {@code maximize}: ascend by negating the gradient first. */
  private static Scale maximize(boolean maximize) {
    return new Scale(maximize ? -1 : 1);
  }
}
