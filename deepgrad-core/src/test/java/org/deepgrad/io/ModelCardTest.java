package org.deepgrad.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ModelCardTest {
  private static final ModelSpec SPEC = ModelSpec.mlp(4, new int[] {5}, 3, "relu", null, false, 0, false);

  private static void rejects(Executable make, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  @Test
  void defaultsAreNoClassesIdentityPreprocessingAndNoInfo() {
    ModelCard card = new ModelCard(SPEC, Task.REGRESSION, null, null, null);
    assertEquals(List.of(), card.classes());
    assertEquals(Preprocessing.identity(), card.pre());
    assertEquals(Map.of(), card.info());
  }

  @Test
  void checksClassesAndPreprocessingAgainstTheSpec() {
    rejects(() -> new ModelCard(SPEC, Task.CLASSIFICATION, List.of("a", "b"), null, null), "2 class names for a model with 3 outputs");
    rejects(() -> new ModelCard(SPEC, Task.CLASSIFICATION, List.of("a", "b", "a"), null, null), "unique");
    rejects(() -> new ModelCard(SPEC, Task.REGRESSION, List.of("a", "b", "c"), null, null), "regression model has no classes");
    rejects(() -> new ModelCard(SPEC, Task.CLASSIFICATION, null, new Preprocessing(1, null, new float[] {1, 1}), null),
        "2 std values for a model with 4 inputs");
    rejects(() -> new ModelCard(null, Task.REGRESSION, null, null, null), "needs a spec");
    Map<String, Object> info = new HashMap<>();
    info.put("k", null);
    rejects(() -> new ModelCard(SPEC, Task.REGRESSION, null, null, info), "null");
    rejects(() -> new ModelCard(SPEC, Task.REGRESSION, null, null, Map.of("loss", Double.NaN)), "finite double");
    rejects(() -> new ModelCard(SPEC, Task.REGRESSION, null, null, Map.of("w", List.of(1))), "a string, a boolean");
    rejects(() -> new ModelCard(SPEC, Task.CLASSIFICATION, Collections.nCopies(3, null), null, null), "null class name");
  }

  @Test
  void taskNamesReadCaseInsensitivelyAndListTheChoices() {
    assertEquals(Task.CLASSIFICATION, Task.byName(" Classification"));
    assertEquals("regression", Task.REGRESSION.configName());
    rejects(() -> Task.byName("ranking"), "[classification, regression]");
  }
}
