package org.deepgrad.diagnostics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Synthetic;
import org.deepgrad.init.Initializer;
import org.deepgrad.loss.Loss;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Module;
import org.deepgrad.nn.Parameter;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.Optimizer;
import org.deepgrad.optim.clip.Clip;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;

/** Test networks and a plain training loop sampling every step: the short probe a diagnosis runs. */
final class Probe {
  /** 128 samples, 16 features, 4 classes from a random teacher network: learnable, fast, full batch. */
  static final Dataset DATA = Synthetic.teacher(128, 16, 16, 4, 1);

  private Probe() {}

  /** An MLP on {@link #DATA}: {@code depth} hidden layers of {@code width} units, then 4 logits. */
  static Sequential mlp(int depth, int width, Activation.Kind act, Initializer init, boolean batchNorm) {
    Sequential.Builder b = Sequential.builder(16, new Rng(3)).init(init);
    for (int i = 0; i < depth; i++) {
      b.dense(width, Activation.of(act));
      if (batchNorm) b.batchNorm();
    }
    return b.dense(4).build();
  }

  /**
   * Trains {@code model} for {@code steps} full-batch steps on {@code features}, sampling every
   * {@code every} steps; clips at {@code maxNorm} unless it is NaN.
   */
  static History train(Module model, Function<Map<String, Parameter>, Optimizer> optimizer, int steps,
      int every, double maxNorm, Tensor features) {
    return train(model, optimizer, steps, every, maxNorm, new Dataset(features, DATA.labels(), DATA.classes()), false);
  }

  /**
   * {@link #train(Module, Function, int, int, double, Tensor)} on {@code data}; with {@code inputs}, the
   * recorder measures the inputs first ({@link Recorder#recordInputs}), as the trainer's diagnostics do.
   */
  static History train(Module model, Function<Map<String, Parameter>, Optimizer> optimizer, int steps,
      int every, double maxNorm, Dataset data, boolean inputs) {
    Recorder rec = new Recorder(model, every);
    if (inputs) rec.recordInputs(data.features());
    Tensor features = data.features();
    Optimizer opt = optimizer.apply(model.namedParameters());
    for (int step = 0; step < steps; step++) {
      rec.beforeForward(step);
      Tensor loss = Loss.crossEntropy(model.forward(features), data.labels());
      opt.zeroGrad();
      Autograd.backward(loss);
      rec.afterBackward();
      if (Double.isNaN(maxNorm)) {
        opt.step();
        rec.afterStep(loss.item(), opt.lr());
      } else {
        double norm = Clip.byGlobalNorm(model.namedParameters(), maxNorm);
        opt.step();
        rec.afterStep(loss.item(), opt.lr(), Clipping.byNorm(norm, maxNorm));
      }
    }
    return rec.history();
  }

  /** {@link #train} on {@link #DATA}, sampling every step, without clipping. */
  static History train(Module model, Function<Map<String, Parameter>, Optimizer> optimizer, int steps) {
    return train(model, optimizer, steps, 1, Double.NaN, DATA.features());
  }

  /** The kinds of {@code f}'s remedies, in order. */
  static List<Remedy.Kind> remedies(Finding f) {
    return f.remedies().stream().map(Remedy::kind).toList();
  }

  /** The kinds of the findings on {@code h}. */
  static List<Finding.Kind> kinds(History h) {
    return Verdicts.judge(h).stream().map(Finding::kind).toList();
  }
}
