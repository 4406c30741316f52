package org.deepgrad.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of deepgrad-core and, for each, the packages of the core it may use, lowest layer
 * first: the table of docs/architecture.md, which {@code ArchitectureTest} holds the code to. A package
 * not listed may not be used; a package may always use itself and the JDK. Another module extends it
 * with its own rows ({@link #with}) and checks its classes with {@link PackageRules}.
 */
public final class Layering {
  private Layering() {}

  /** deepgrad-core's layering, relative to {@code org.deepgrad}. */
  public static final Map<String, List<String>> CORE = table(
      "backend", List.of(),
      "tensor", List.of(),
      "autograd", List.of("tensor"),
      "ops", List.of("tensor", "autograd", "backend"),
      "loss", List.of("tensor", "autograd", "ops"),
      "init", List.of("tensor"),
      "nn", List.of("tensor", "autograd", "ops", "init", "backend"),
      "data", List.of("tensor"),
      "io", List.of("tensor", "nn"),
      "diagnostics", List.of("tensor", "ops", "nn", "backend"),
      "optim.schedule", List.of(),
      "optim.transform", List.of(),
      "optim.clip", List.of("tensor", "ops", "nn", "optim.transform"),
      "optim", List.of("tensor", "nn", "backend", "optim.transform", "optim.clip", "optim.schedule"),
      "train", List.of("tensor", "autograd", "ops", "backend", "loss", "init", "nn", "data", "io", "diagnostics",
          "optim.schedule", "optim.transform", "optim.clip", "optim"));

  /** {@code base} followed by more rows: package, then the list of packages it may use, and so on. */
  public static Map<String, List<String>> with(Map<String, List<String>> base, Object... rows) {
    return table(base, rows);
  }

  private static Map<String, List<String>> table(Object... rows) {
    return table(Map.of(), rows);
  }

  /** {@code base} and then {@code rows}, each row using only packages of the rows above it (base's included). */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> table(Map<String, List<String>> base, Object... rows) {
    Map<String, List<String>> t = new LinkedHashMap<>(base);
    for (int i = 0; i < rows.length; i += 2) {
      List<String> uses = (List<String>) rows[i + 1];
      for (String used : uses) {
        if (!t.containsKey(used)) {
          throw new IllegalArgumentException(rows[i] + " may use " + used + ", which is not a lower layer of the table");
        }
      }
      t.put((String) rows[i], uses);
    }
    return Collections.unmodifiableMap(t);
  }
}
