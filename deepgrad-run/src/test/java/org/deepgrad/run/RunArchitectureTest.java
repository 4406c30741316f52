package org.deepgrad.run;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.deepgrad.testing.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, held on deepgrad-run's classes with the core's: no cycle
 * between packages, each package of the module using only the packages {@link RunLayering#RUN} allows it, and
 * the core's own rows unchanged (the core never uses this module). deepgrad-blas is on the test class
 * path, so its row is here too: it uses the compute SPI only. A planted cycle fails the same check.
 */
class RunArchitectureTest {
  private static final String ROOT = "org.deepgrad";
  private static final String FIXTURE = "org.deepgrad.testing.fixture";

  private static final JavaClasses CLASSES = PackageRules.mainClasses(ROOT);

  @Test
  void noPackageCycle() {
    PackageRules.assertNoCycles(CLASSES, ROOT);
  }

  @Test
  void eachPackageUsesOnlyTheLayersBelowIt() {
    PackageRules.assertLayering(CLASSES, ROOT, RunLayering.RUN);
  }

  @Test
  void theChecksSawTheModuleAndTheCore() {
    assertTrue(CLASSES.contain(Training.class) && CLASSES.contain(org.deepgrad.run.sweep.Sweep.class)
        && CLASSES.contain(org.deepgrad.train.Trainer.class), "imported " + CLASSES.size() + " classes");
    assertTrue(!CLASSES.contain(RunArchitectureTest.class), "test classes were imported");
  }

  @Test
  void aPlantedCycleFails() {
    JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURE + ".a", FIXTURE + ".b");
    AssertionError e = assertThrows(AssertionError.class, () -> PackageRules.assertNoCycles(cycle, FIXTURE));
    assertTrue(e.getMessage().contains("Cycle detected"), e.getMessage());
  }
}
