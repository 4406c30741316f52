package org.deepgrad.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.deepgrad.nn.Parameter;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.testing.Conformance;
import org.junit.jupiter.api.Test;

/**
 * Replays PyTorch's optimizer trajectories ({@code optimizer-conformance/1}, see conformance/README.md):
 * the repository's file and any file named by {@code -Dconformance.optimizers=PATH}, on every path a step can
 * take. Every case is built by name through {@link OptimizerRegistry} and replayed as built (in one pass
 * where the preset has a {@code Chain.fused()} form), then with the same chain run link by link, as a
 * custom chain runs ({@link Problems#linkByLink}). The one pass splits its elements among threads
 * without changing a bit (ThreadCountTest). Unknown names or hyper-parameters count as failures.
 */
class OptimizerConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each path's optimizer, made from the registry's over the case's parameters. */
  private static final Map<String, BiFunction<Optimizer, Map<String, Parameter>, Optimizer>> PATHS =
      new LinkedHashMap<>();

  static {
    PATHS.put("as built", (registry, params) -> registry);
    PATHS.put("link by link", Problems::linkByLink);
  }

  @Test
  void everyCaseFollowsTorchStepByStepOnEveryPath() {
    List<String> summary = new ArrayList<>();
    for (Path file : Conformance.files("optimizers.json", "conformance.optimizers")) {
      JsonNode root = Conformance.read(file);
      Conformance.Tolerance tol = Conformance.Tolerance.of(root);
      for (String path : PATHS.keySet()) {
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (JsonNode c : root.get("cases")) {
          String problem;
          try {
            problem = replay(c, tol, PATHS.get(path));
          } catch (RuntimeException e) {
            problem = e.toString();
          }
          if (problem == null) passed++;
          else failures.add(c.path("name").asText("?") + ": " + problem);
        }
        assertTrue(passed + failures.size() > 0, file + " has no cases");
        Conformance.report("optimizer (" + path + ")", file, passed, failures);
        failures.forEach(f -> summary.add(file.getFileName() + " " + path + " " + f));
      }
    }
    assertTrue(summary.isEmpty(), String.join("\n", summary));
  }

  /** Null when every step of case {@code c} matches, else the first mismatch. */
  private static String replay(JsonNode c, Conformance.Tolerance tol,
      BiFunction<Optimizer, Map<String, Parameter>, Optimizer> path) {
    Map<String, Parameter> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.get("params").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Tensor t = Conformance.tensor(e.getValue());
      params.put(e.getKey(), new Parameter(t, t.rank() > 1 ? Parameter.Role.WEIGHT : Parameter.Role.BIAS));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> hyper = c.has("hyper") ? JSON.convertValue(c.get("hyper"), Map.class) : Map.of();
    Optimizer opt = path.apply(OptimizerRegistry.create(c.get("optimizer").asText(), hyper, params), params);
    int step = 0;
    for (JsonNode s : c.get("steps")) {
      opt.zeroGrad();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.get("grads").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Parameter p = params.get(e.getKey());
        if (p == null) return "step " + step + ": gradient for unknown parameter " + e.getKey();
        p.value().accumulateGrad(Tensor.of(Conformance.floats(e.getValue()), p.value().shape()));
      }
      opt.step();
      for (Iterator<Map.Entry<String, JsonNode>> it = s.get("expected").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Parameter p = params.get(e.getKey());
        if (p == null) return "step " + step + ": expected values for unknown parameter " + e.getKey();
        String mismatch = tol.mismatch("step " + step + " " + e.getKey(), p.value().data(), e.getValue());
        if (mismatch != null) return mismatch;
      }
      step++;
    }
    return null;
  }
}
