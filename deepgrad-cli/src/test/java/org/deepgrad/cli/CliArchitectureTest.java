package org.deepgrad.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.RunLayering;
import org.deepgrad.testing.Layering;
import org.deepgrad.testing.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, held on deepgrad-cli's classes with deepgrad-run's and the
 * core's: the command line is one package, {@code cli}, on top, which may use every package of the
 * library; no library package uses it, and there is no package cycle. (The rules are shown to fail on
 * a planted cycle by the core's and deepgrad-run's architecture tests.)
 */
class CliArchitectureTest {
  private static final String ROOT = "org.deepgrad";
  private static final Map<String, List<String>> TABLE = Layering.with(RunLayering.RUN,
      "cli", List.copyOf(RunLayering.RUN.keySet()));
  private static final JavaClasses CLASSES = PackageRules.mainClasses(ROOT);

  @Test
  void noPackageCycle() {
    PackageRules.assertNoCycles(CLASSES, ROOT);
  }

  @Test
  void theCommandLineIsOnTopOfTheLibrary() {
    PackageRules.assertLayering(CLASSES, ROOT, TABLE);
  }

  @Test
  void theChecksSawTheCommandLineAndTheLibrary() {
    assertTrue(CLASSES.contain(Main.class) && CLASSES.contain(org.deepgrad.run.Training.class)
        && CLASSES.contain(org.deepgrad.train.Trainer.class), "imported " + CLASSES.size() + " classes");
  }
}
