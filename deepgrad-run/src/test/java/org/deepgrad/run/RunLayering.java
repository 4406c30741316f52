package org.deepgrad.run;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deepgrad.testing.Layering;

/**
 * deepgrad-run's packages over the core's ({@link Layering#CORE}), lowest first, each with the packages
 * it may use: the table of docs/architecture.md that {@code RunArchitectureTest} holds this module to,
 * and that deepgrad-cli's architecture test extends with its own row.
 */
public final class RunLayering {
  private RunLayering() {}

  /** The core, deepgrad-blas (on the test class path) and deepgrad-run. */
  public static final Map<String, List<String>> RUN = Layering.with(Layering.CORE,
      "blas", List.of("backend"),
      "run.config", core(),
      "run.files", core("run.config"),
      "run.report", core("run.config", "run.files"),
      "run", core("run.config", "run.files", "run.report"),
      "run.sweep", core("run.config", "run.files", "run.report", "run"),
      "run.reproduce", core("run.config", "run.files", "run.report", "run"),
      "run.repair", core("run.config", "run.files", "run.report", "run"));

  /** The core's packages and {@code more}. */
  public static List<String> core(String... more) {
    return Stream.concat(Layering.CORE.keySet().stream(), Arrays.stream(more)).toList();
  }
}
