package org.deepgrad.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepgrad.tensor.Tensor;

/**
 * Reads PyTorch reference vectors (format in {@code conformance/README.md}) and compares float32
 * results with them: the repository's own files in {@code conformance/}, on the test class path,
 * and any further file a user names.
 */
public final class Conformance {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Conformance() {}

  /**
   * The files to check for one family: the repository's {@code conformance/NAME}, plus the one named
   * by system property {@code property} (for example {@code conformance.layers}) when given. A
   * relative path is taken from the repository root (where {@code ./mvnw} runs), not from the
   * module's directory.
   */
  public static List<Path> files(String name, String property) {
    List<Path> files = new ArrayList<>();
    files.add(ownFile(name));
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

  /** The repository's {@code conformance/NAME}, copied to the test classes by deepgrad-core's build. */
  private static Path ownFile(String name) {
    URL url = Conformance.class.getResource("/conformance/" + name);
    if (url == null) {
      throw new IllegalStateException("conformance/" + name + " is not on the test class path; it is copied there "
          + "from the repository's conformance/ folder by deepgrad-core's build (testResources)");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | FileSystemNotFoundException e) {
      throw new IllegalStateException("conformance/" + name + " is not a plain file (" + url + ")", e);
    }
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
