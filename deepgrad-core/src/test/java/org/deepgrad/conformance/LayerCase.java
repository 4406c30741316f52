package org.deepgrad.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.autograd.Autograd;
import org.deepgrad.loss.Loss;
import org.deepgrad.ops.Activations;
import org.deepgrad.ops.MatMul;
import org.deepgrad.ops.Normalization;
import org.deepgrad.ops.Softmax;
import org.deepgrad.tensor.Shape;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.testing.Conformance;

/**
 * One case of a layer conformance file: runs the op, back-propagates {@code grad_output}, and lists
 * every difference from the expected values. Inputs, params and attributes the op did not use are
 * differences too, so a case we only half understand cannot pass.
 */
final class LayerCase {
  private final JsonNode c;
  private final Attrs attrs;
  private final Map<String, Tensor> inputs = new LinkedHashMap<>();
  private final Map<String, Tensor> params = new LinkedHashMap<>();
  private final List<String> unusedInputs = new ArrayList<>();
  private final List<String> unusedParams = new ArrayList<>();
  private Tensor runningMean;
  private Tensor runningVar;
  /** The shape the output stands for (linear runs on a 2-D view of a batched input). */
  private Shape outputShape;

  private LayerCase(JsonNode c) {
    this.c = c;
    this.attrs = new Attrs(c.path("attrs"));
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("inputs").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      inputs.put(e.getKey(), Conformance.tensor(e.getValue()).requiresGrad(true));
      unusedInputs.add(e.getKey());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) continue; // an absent parameter (a linear without bias)
      params.put(e.getKey(), Conformance.tensor(e.getValue()).requiresGrad(true));
      unusedParams.add(e.getKey());
    }
    if (c.hasNonNull("running_mean_before")) runningMean = Conformance.tensor(c.get("running_mean_before"));
    if (c.hasNonNull("running_var_before")) runningVar = Conformance.tensor(c.get("running_var_before"));
  }

  /** The differences between our op and the case; empty when it passes. */
  static List<String> check(JsonNode c, Conformance.Tolerance tolerance) {
    return new LayerCase(c).run(tolerance);
  }

  private List<String> run(Conformance.Tolerance tol) {
    List<String> problems = new ArrayList<>();
    Tensor out = forward(c.path("op").asText());
    attrs.unused().forEach(a -> problems.add("attribute " + a + " is not supported"));
    unusedInputs.forEach(n -> problems.add("input " + n + " was not used"));
    unusedParams.forEach(n -> problems.add("param " + n + " was not used"));
    Tensor expected = Conformance.tensor(c.get("output"));
    Shape shape = outputShape != null ? outputShape : out.shape();
    if (!shape.equals(expected.shape())) problems.add("output shape " + shape + ", expected " + expected.shape());
    add(problems, tol.mismatch("output", out.data(), c.get("output").get("data")));
    float[] seed = Conformance.tensor(c.get("grad_output")).data();
    if (seed.length != out.size()) {
      problems.add("grad_output has " + seed.length + " values for an output of " + out.size());
      return problems;
    }
    Autograd.backward(out, Tensor.of(seed, out.shape()));
    compareGrads(problems, tol, "grad_inputs", inputs);
    compareGrads(problems, tol, "grad_params", params);
    if (c.has("running_mean_after")) add(problems, compareRunning(tol, "running_mean_after", runningMean));
    if (c.has("running_var_after")) add(problems, compareRunning(tol, "running_var_after", runningVar));
    return problems;
  }

  private Tensor forward(String op) {
    return switch (op) {
      case "linear" -> linear();
      case "sigmoid" -> Activations.sigmoid(input());
      case "tanh" -> Activations.tanh(input());
      case "relu" -> Activations.relu(input());
      case "leaky_relu" -> Activations.leakyRelu(input(), attrs.f("negative_slope", 0.01f));
      case "elu" -> Activations.elu(input(), attrs.f("alpha", 1f));
      case "gelu" -> Activations.gelu(input(), attrs.s("approximate", "none"));
      case "softplus" -> Activations.softplus(input(), attrs.f("beta", 1f), attrs.f("threshold", 20f));
      case "softsign" -> Activations.softsign(input());
      case "hardtanh" -> Activations.hardtanh(input(), attrs.f("min_val", -1f), attrs.f("max_val", 1f));
      case "softmax" -> Softmax.softmax(input(), attrs.i("dim", -1));
      case "log_softmax" -> Softmax.logSoftmax(input(), attrs.i("dim", -1));
      case "batch_norm_train", "batch_norm_eval" -> Normalization.batchNorm(input(), param("weight"), param("bias"),
          runningMean, runningVar, op.equals("batch_norm_train"), attrs.momentum(), attrs.f("eps", 1e-5f));
      case "layer_norm" -> layerNorm();
      case "cross_entropy" -> Loss.crossEntropy(input(), classIndices(), attrs.reduction());
      case "mse" -> Loss.mse(input(), target(), attrs.reduction());
      case "bce_with_logits" -> Loss.bceWithLogits(input(), target(), attrs.reduction());
      default -> throw new UnsupportedOperationException("unknown op \"" + op + "\"");
    };
  }

  /** torch's linear takes [..., in]; ours takes [rows, in], so run it on a 2-D leaf over the same data. */
  private Tensor linear() {
    Tensor x = input();
    Tensor w = param("weight");
    if (w == null || x.rank() == 0) throw new IllegalArgumentException("linear needs a weight and a non-scalar input");
    int in = x.dim(-1);
    Tensor flat = Tensor.of(x.data(), x.size() / Math.max(in, 1), in).requiresGrad(true);
    inputs.replaceAll((name, t) -> t == x ? flat : t);
    int[] dims = x.shape().dims();
    dims[dims.length - 1] = w.dim(0);
    outputShape = Shape.of(dims);
    return MatMul.linear(flat, w, param("bias"));
  }

  private Tensor layerNorm() {
    Tensor w = param("weight");
    Tensor b = param("bias");
    int dims = attrs.has("normalized_shape") ? attrs.ints("normalized_shape").length
        : w != null ? w.rank() : b != null ? b.rank() : 1;
    return Normalization.layerNorm(input(), dims, w, b, attrs.f("eps", 1e-5f));
  }

  /** The op's main input: the one input not named {@code target}. */
  private Tensor input() {
    List<String> names = new ArrayList<>(inputs.keySet());
    names.remove("target");
    if (names.size() != 1) throw new IllegalArgumentException("expected one input besides target, got " + names);
    unusedInputs.remove(names.get(0));
    return inputs.get(names.get(0));
  }

  private Tensor target() {
    Tensor t = inputs.get("target");
    if (t == null) throw new IllegalArgumentException("the case has no input named target");
    unusedInputs.remove("target");
    return t;
  }

  private Tensor param(String name) {
    unusedParams.remove(name);
    return params.get(name);
  }

  /** Class indices stored as numbers; they get no gradient. */
  private int[] classIndices() {
    if (attrs.has("targets_are_class_indices") && !attrs.bool("targets_are_class_indices")) {
      throw new UnsupportedOperationException("class-probability targets are not supported");
    }
    float[] v = target().data();
    inputs.remove("target");
    int[] t = new int[v.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = (int) v[i];
      if (t[i] != v[i]) throw new IllegalArgumentException("target " + v[i] + " at " + i + " is not a class index");
    }
    return t;
  }

  private void compareGrads(List<String> problems, Conformance.Tolerance tol, String key, Map<String, Tensor> ours) {
    for (Iterator<Map.Entry<String, JsonNode>> it = c.path(key).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) continue;
      Tensor t = ours.get(e.getKey());
      if (t == null || t.grad() == null) {
        problems.add(key + "." + e.getKey() + ": we computed no gradient");
      } else {
        add(problems, tol.mismatch(key + "." + e.getKey(), t.grad().data(), e.getValue().get("data")));
      }
    }
  }

  private String compareRunning(Conformance.Tolerance tol, String key, Tensor ours) {
    if (ours == null) return key + ": the case gave no statistics before the step";
    return tol.mismatch(key, ours.data(), c.get(key).get("data"));
  }

  private static void add(List<String> problems, String problem) {
    if (problem != null) problems.add(problem);
  }
}
