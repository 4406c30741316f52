package org.deepgrad;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import java.util.Map;
import org.deepgrad.testing.Layering;
import org.deepgrad.testing.PackageRules;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, held on deepgrad-core's classes: no cycle between packages,
 * each package using only the packages {@link Layering#CORE} allows it (so never a higher layer), and
 * nothing outside the JDK. The rules are shown to fail on planted fixtures in test sources
 * ({@code org.deepgrad.testing.fixture}: packages a and b use each other, c uses JUnit), so they
 * cannot pass by checking nothing.
 */
class ArchitectureTest {
  private static final String ROOT = "org.deepgrad";
  private static final String FIXTURE = "org.deepgrad.testing.fixture";
  private static final JavaClasses CORE = PackageRules.mainClasses(ROOT);

  @Test
  void theCoreHasNoPackageCycle() {
    PackageRules.assertNoCycles(CORE, ROOT);
  }

  @Test
  void eachCorePackageUsesOnlyTheLayersBelowIt() {
    PackageRules.assertLayering(CORE, ROOT, Layering.CORE);
  }

  @Test
  void theCoreUsesOnlyTheJdk() {
    PackageRules.assertJdkOnly(CORE, ROOT);
  }

  @Test
  void theChecksSawTheWholeCore() {
    assertTrue(CORE.contain(org.deepgrad.train.Trainer.class) && CORE.size() > 250,
        "imported " + CORE.size() + " classes");
    assertTrue(!CORE.contain(ArchitectureTest.class), "test classes were imported");
  }

  @Test
  void aPlantedCycleFails() {
    JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURE + ".a", FIXTURE + ".b");
    AssertionError e = assertThrows(AssertionError.class, () -> PackageRules.assertNoCycles(cycle, FIXTURE));
    assertTrue(e.getMessage().contains("Cycle detected: Slice a -> \n") && e.getMessage().contains("Slice b -> \n"),
        e.getMessage());
  }

  @Test
  void aPlantedDependencyOnAHigherLayerFails() {
    JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURE + ".a", FIXTURE + ".b");
    Map<String, List<String>> aBelowB = Layering.with(Map.of(), "a", List.of(), "b", List.of("a"));
    AssertionError e = assertThrows(AssertionError.class, () -> PackageRules.assertLayering(cycle, FIXTURE, aBelowB));
    assertTrue(e.getMessage().contains("classes of " + FIXTURE + ".a use only the JDK")
        && e.getMessage().contains("A.viaB()") && e.getMessage().contains("B.one()"), e.getMessage());
    Map<String, List<String>> onlyB = Layering.with(Map.of(), "b", List.of());
    e = assertThrows(AssertionError.class, () -> PackageRules.assertLayering(cycle, FIXTURE, onlyB));
    assertTrue(e.getMessage().contains("[" + FIXTURE + ".a] are not in the layering table"), e.getMessage());
  }

  @Test
  void aPlantedLibraryDependencyFails() {
    JavaClasses library = new ClassFileImporter().importPackages(FIXTURE + ".c");
    AssertionError e = assertThrows(AssertionError.class, () -> PackageRules.assertJdkOnly(library, FIXTURE));
    assertTrue(e.getMessage().contains("org.junit.jupiter.api.Assertions"), e.getMessage());
  }

  @Test
  void aTableUsingAPackageAboveItselfIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Layering.with(Map.of(), "a", List.of("b"), "b", List.of()));
    assertTrue(e.getMessage().contains("a may use b, which is not a lower layer"), e.getMessage());
  }
}
