package org.deepgrad.run.reproduce;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's examples/ directory: from the current directory upwards, else above the running jar. */
final class ExamplesDir {
  private ExamplesDir() {}

  static Path find() {
    Path found = upwards(Path.of("").toAbsolutePath());
    if (found != null) return found;
    try {
      Path code = Path.of(ExamplesDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return upwards(code);
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  private static Path upwards(Path from) {
    for (Path p = from; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("examples").resolve("vanishing-sigmoid.yaml"))) return p.resolve("examples");
    }
    return null;
  }
}
