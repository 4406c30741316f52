package org.deepgrad.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The package rules of docs/architecture.md, for any module: no cycle between packages, each package
 * depending only on the packages its layer allows, and (for the core) nothing outside the JDK. A
 * module's test states its table of allowed dependencies and calls these on its classes; each throws
 * an {@link AssertionError} naming every offending dependency.
 */
public final class PackageRules {
  private PackageRules() {}

  /**
   * The main (not test) classes under {@code root} found on the class path, from every module there:
   * neither a test-classes folder nor a test-jar (another module's tests, as a Maven reactor build
   * puts the core's test-jar on the class path).
   */
  public static JavaClasses mainClasses(String root) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")).importPackages(root);
  }

  /** Fails on any cycle between the packages under {@code root}, each package (subpackages too) on its own. */
  public static void assertNoCycles(JavaClasses classes, String root) {
    slices().matching(root + ".(**)").should().beFreeOfCycles().check(classes);
  }

  /**
   * Fails when a class under {@code root} depends on a package under {@code root} that {@code allowed}
   * does not list for its own package, or when a package under root is missing from {@code allowed}.
   * Keys and values are package names relative to root ({@code "optim.transform"}); a package may
   * always use itself.
   */
  public static void assertLayering(JavaClasses classes, String root, Map<String, List<String>> allowed) {
    TreeSet<String> undeclared = new TreeSet<>();
    for (JavaClass c : classes) {
      String pkg = c.getPackageName();
      if (pkg.startsWith(root + ".") && !allowed.containsKey(pkg.substring(root.length() + 1))) undeclared.add(pkg);
    }
    if (!undeclared.isEmpty()) {
      throw new AssertionError("packages " + undeclared + " are not in the layering table; add each with the "
          + "packages it may use (and to docs/architecture.md)");
    }
    allowed.forEach((pkg, uses) -> {
      List<String> ok = new ArrayList<>();
      Stream.concat(Stream.of(pkg), uses.stream()).forEach(p -> ok.add(root + "." + p));
      noClasses().that().resideInAPackage(root + "." + pkg)
          .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAnyPackage(ok.toArray(String[]::new)))))
          .as("classes of " + root + "." + pkg + " use only " + (uses.isEmpty() ? "the JDK" : uses) + " of " + root)
          .allowEmptyShould(true)
          .check(classes);
    });
  }

  /** Fails when a class under {@code root} depends on anything but the JDK ({@code java.*}) and {@code root}. */
  public static void assertJdkOnly(JavaClasses classes, String root) {
    noClasses().that().resideInAPackage(root + "..")
        .should().dependOnClassesThat(not(resideInAnyPackage("java..", root + "..")))
        .as("classes of " + root + " use only the JDK and " + root)
        .check(classes);
  }
}
