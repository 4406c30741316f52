package org.deepgrad.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.tensor.Tensor;

/**
 * Reads the PyTorch reference vectors of {@code ../shared/conformance} (format in
 * {@code ../shared/README.md}) and compares float32 results with them.
 */
public final class Conformance {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Conformance() {}

  /** The shared directory: {@code -Dshared.dir}, else {@code ../shared} of the repository. */
  public static Path sharedDir() {
    String p = System.getProperty("shared.dir");
    if (p != null && !p.isBlank() && Files.isDirectory(Path.of(p))) return Path.of(p).toAbsolutePath().normalize();
    Path here = Path.of("").toAbsolutePath();
    for (Path d = here; d != null; d = d.getParent()) {
      Path candidate = d.resolve("../shared/conformance").normalize();
      if (Files.isDirectory(candidate)) return candidate.getParent().toAbsolutePath().normalize();
    }
    throw new IllegalStateException("cannot find the shared directory (../shared from the repository root); "
        + "set -Dshared.dir=PATH");
  }

  /**
   * The files to check for one family: the shared one, plus the one named by system property
   * {@code property} (for example {@code conformance.layers}) when given. A relative path is taken
   * from the repository root (where {@code ./mvnw} runs), not from the module's directory.
   */
  public static List<Path> files(String sharedName, String property) {
    List<Path> files = new ArrayList<>();
    files.add(sharedDir().resolve("conformance").resolve(sharedName));
    String extra = System.getProperty(property);
    if (extra != null && !extra.isBlank()) {
      Path p = Path.of(extra);
      String repo = System.getProperty("repo.dir");
      if (!p.isAbsolute() && repo != null && !repo.isBlank()) p = Path.of(repo).resolve(p);
      p = p.toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("-D" + property + "=" + extra + " is not a readable file");
      }
      files.add(p);
    }
    return files;
  }

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conformance file " + file, e);
    }
  }

  /** A {@code {"shape": [...], "data": [...]}} node as a float32 tensor. */
  public static Tensor tensor(JsonNode node) {
    JsonNode shapeNode = node.get("shape");
    int[] shape = new int[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) shape[i] = shapeNode.get(i).asInt();
    return Tensor.of(floats(node.get("data")), shape);
  }

  /** A JSON array of numbers as floats. */
  public static float[] floats(JsonNode array) {
    float[] d = new float[array.size()];
    for (int i = 0; i < d.length; i++) d[i] = (float) array.get(i).asDouble();
    return d;
  }

  /** The tolerance block of a conformance file. */
  public record Tolerance(double atol, double rtol) {
    public static Tolerance of(JsonNode file) {
      JsonNode t = file.get("tolerance");
      return new Tolerance(t.get("atol").asDouble(), t.get("rtol").asDouble());
    }

    /**
     * Null when {@code got} matches {@code expected} element-wise within
     * {@code atol + rtol·|expected|}, else a description of the first mismatch.
     */
    public String mismatch(String what, float[] got, JsonNode expected) {
      if (got.length != expected.size()) {
        return what + ": " + got.length + " values, expected " + expected.size();
      }
      for (int i = 0; i < got.length; i++) {
        double e = expected.get(i).asDouble();
        if (!(Math.abs(got[i] - e) <= atol + rtol * Math.abs(e))) {
          return what + "[" + i + "]: got " + got[i] + ", expected " + e;
        }
      }
      return null;
    }
  }

  /** Prints the per-file summary line and returns it. */
  public static String report(String family, Path file, int passed, List<String> failures) {
    String line = family + " conformance " + file + ": " + passed + " passed, " + failures.size() + " failed";
    System.out.println(line);
    failures.forEach(f -> System.out.println("  " + f));
    return line;
  }
}
