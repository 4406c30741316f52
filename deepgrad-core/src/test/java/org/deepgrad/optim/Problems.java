package org.deepgrad.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepgrad.nn.Parameter;
import org.deepgrad.optim.transform.Chain;
import org.deepgrad.optim.transform.Step;
import org.deepgrad.optim.transform.Transform;
import org.deepgrad.tensor.Tensor;

/** Small objectives with analytic gradients, and helpers to feed gradients to parameters and steps to chains. */
final class Problems {
  private Problems() {}

  /** One parameter named {@code name} holding a copy of {@code values}. */
  static Map<String, Parameter> params(String name, float... values) {
    Map<String, Parameter> m = new LinkedHashMap<>();
    m.put(name, new Parameter(Tensor.of(values.clone(), values.length), Parameter.Role.WEIGHT));
    return m;
  }

  /** The step a chain is told it takes when a test runs it link by link. */
  static Step step(long count, double lr) {
    return new Step() {
      @Override
      public long count() {
        return count;
      }

      @Override
      public double lr() {
        return lr;
      }
    };
  }

  /**
   * The same optimizer as {@code template} (its first group's chain and hyper-parameters) over
   * {@code params}, taking the path a custom chain takes: its chain ends with a link that does nothing
   * and that the one-pass form does not know, so every step runs the links one after the other.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Optimizer linkByLink(Optimizer template, Map<String, Parameter> params) {
    GroupState g = template.group(0);
    List<Transform<?>> links = new ArrayList<>(g.chain.links());
    links.add(new Transform<Void>() {
      @Override
      public Void init(int size) {
        return null;
      }

      @Override
      public void update(Void state, float[] u, float[] theta, Step step) {}
    });
    Chain chain = new Chain(links);
    Optimizer opt = new Optimizer(template.name(), ParamGroup.all(params), (Hyper) g.hyper, (Function) h -> chain);
    if (opt.group(0).fused != null) throw new AssertionError("the chain " + chain + " still has a one-pass form");
    return opt;
  }

  /** Replaces {@code p}'s gradient by {@code g}. */
  static void setGrad(Parameter p, float... g) {
    p.value().zeroGrad();
    p.value().accumulateGrad(Tensor.of(g.clone(), p.value().shape()));
  }

  /** f(θ) = ½ Σ aᵢ (θᵢ − cᵢ)², minimum 0 at c; the gradient goes to {@code g} when not null. */
  static double quadratic(float[] x, double[] a, double[] c, float[] g) {
    double f = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - c[i];
      f += 0.5 * a[i] * d * d;
      if (g != null) g[i] = (float) (a[i] * d);
    }
    return f;
  }

  /** Rosenbrock f(x, y) = (1 − x)² + 100 (y − x²)², minimum 0 at (1, 1); gradient into {@code g}. */
  static double rosenbrock(float[] p, float[] g) {
    double x = p[0];
    double y = p[1];
    double r = y - x * x;
    if (g != null) {
      g[0] = (float) (-2 * (1 - x) - 400 * x * r);
      g[1] = (float) (200 * r);
    }
    return (1 - x) * (1 - x) + 100 * r * r;
  }

  /** An objective over one parameter's values: returns f and writes the gradient. */
  interface Objective {
    double eval(float[] x, float[] g);
  }

  /** Runs {@code steps} steps of {@code opt} on its single parameter; returns the final f. */
  static double minimise(Optimizer opt, Objective f, int steps) {
    Parameter p = opt.parameters().values().iterator().next();
    float[] g = new float[p.value().size()];
    for (int s = 0; s < steps; s++) {
      f.eval(p.value().data(), g);
      setGrad(p, g);
      opt.step();
    }
    return f.eval(p.value().data(), g);
  }
}
