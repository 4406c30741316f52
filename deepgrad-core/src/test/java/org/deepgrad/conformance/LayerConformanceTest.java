package org.deepgrad.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deepgrad.testing.Conformance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the PyTorch layer vectors ({@code conformance/layers.json}, plus any file named by
 * {@code -Dconformance.layers=PATH}): for every case, our op's output, the gradients from the case's
 * {@code grad_output}, and batch norm's running statistics must match within the file's tolerance.
 * One dynamic test per file; every failing case is listed, and an op we do not know is a failure.
 */
class LayerConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyCaseOfEveryFile() {
    return Conformance.files("layers.json", "conformance.layers").stream()
        .map(path -> DynamicTest.dynamicTest("layers " + path, () -> checkFile(path)));
  }

  private static void checkFile(Path path) {
    JsonNode file = Conformance.read(path);
    Conformance.Tolerance tolerance = Conformance.Tolerance.of(file);
    JsonNode cases = file.path("cases");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      List<String> problems;
      try {
        problems = LayerCase.check(c, tolerance);
      } catch (RuntimeException e) { // a malformed case or an error from our op: a failure, never a skip
        problems = List.of(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (problems.isEmpty()) {
        passed++;
      } else {
        String name = c.has("name") ? " " + c.get("name").asText() : "";
        failures.add("case " + i + " (" + c.path("op").asText("no op") + name + "): " + String.join("; ", problems));
      }
    }
    String line = Conformance.report("layer", path, passed, failures);
    assertTrue(cases.size() > 0, "no cases in " + path);
    assertTrue(failures.isEmpty(), line + "\n  " + String.join("\n  ", failures));
  }
}
