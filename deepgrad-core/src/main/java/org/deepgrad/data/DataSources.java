package org.deepgrad.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Built-in data sets by name, each as a train/test {@link Dataset.Split} of 28x28 images flattened
 * to 784 features in [0, 1] with labels 0-9:
 * <ul>
 *   <li>{@code mnist-10k}: the 10,000 digits shipped in deepgrad-core, split 8,000/2,000 ({@link Mnist}).
 *   <li>{@code fashion-mnist}: Zalando's Fashion-MNIST (60,000/10,000), from the data directory or
 *       where Debian's {@code dataset-fashion-mnist} package installs it, {@value #FASHION_MNIST_SYSTEM_DIR}.
 *   <li>{@code mnist}: the full MNIST (60,000/10,000), from the data directory or the cache, which
 *       is filled by a download from the mirrors when {@link DataOptions#download()} allows it.
 * </ul>
 * Both file sets are the four files {@link #FILES}; each may also be stored without its {@code .gz}.
 * Downloaded files are verified against their SHA-256 before every use; files the user provides
 * are checked by {@link IdxReader}'s strict format checks only, as they may be recompressed.
 */
public final class DataSources {
  /** Where Debian's {@code dataset-fashion-mnist} package puts the Fashion-MNIST files. */
  public static final String FASHION_MNIST_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";
  /** The files of an MNIST-style data set: training images and labels, then test images and labels. */
  public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  private DataSources() {}

  /** The names {@link #load} accepts. */
  public static List<String> names() {
    return List.of("mnist-10k", "fashion-mnist", "mnist");
  }

  /** The data set called {@code name} (see the class comment), found or fetched as {@code options} say. */
  public static Dataset.Split load(String name, DataOptions options) throws IOException {
    return switch (name) {
      case "mnist-10k" -> Mnist.trainTest();
      case "fashion-mnist" -> fashionMnist(dirs(options.dataDir(), name, Path.of(FASHION_MNIST_SYSTEM_DIR)));
      case "mnist" -> mnist(options);
      default -> throw new IllegalArgumentException("unknown data set \"" + name + "\"; the built-in ones are "
          + names() + ". For your own files use CsvReader, or Mnist.load for an IDX pair");
    };
  }

  /** Fashion-MNIST from the first of {@code dirs} that holds all four files. */
  public static Dataset.Split fashionMnist(List<Path> dirs) throws IOException {
    Path[] files = find(dirs);
    if (files == null) {
      throw new FileNotFoundException("Fashion-MNIST not found: " + searched(dirs) + ". On Debian or Ubuntu run "
          + "'apt-get install dataset-fashion-mnist' (it installs them in " + FASHION_MNIST_SYSTEM_DIR + "); elsewhere "
          + "download the four files from https://github.com/zalandoresearch/fashion-mnist (folder data/fashion) "
          + "into a directory and give it as the data directory");
    }
    return read(files);
  }

  /**
   * An MNIST-style set (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...: grey images with byte labels) from
   * the four files of {@link #FILES} (each with or without .gz) in {@code dir}. The number of classes
   * is the largest label of either split plus one (at most 256, as labels are bytes).
   */
  public static Dataset.Split idx(Path dir) throws IOException {
    Path[] f = find(List.of(dir));
    if (f == null) {
      throw new FileNotFoundException("no MNIST-style data set in " + dir + ": " + searched(List.of(dir))
          + ". Put the four files there under these names");
    }
    IdxData trainLabels = IdxReader.read(f[1]);
    IdxData testLabels = IdxReader.read(f[3]);
    int classes = Math.max(2, Math.max(maxLabel(trainLabels), maxLabel(testLabels)) + 1);
    return new Dataset.Split(Mnist.fromIdx(IdxReader.read(f[0]), trainLabels, classes),
        Mnist.fromIdx(IdxReader.read(f[2]), testLabels, classes));
  }

  private static int maxLabel(IdxData labels) {
    int max = 0;
    for (int i = 0; i < labels.count(); i++) max = Math.max(max, labels.unsigned(i));
    return max;
  }

  /** Full MNIST from the data directory, else the cache, downloading missing files if allowed. */
  public static Dataset.Split mnist(DataOptions options) throws IOException {
    Path cache = options.cacheDir().resolve("mnist");
    List<Path> dirs = dirs(options.dataDir(), "mnist", null);
    Path[] files = find(dirs);
    if (files != null) return read(files);
    files = new Path[FILES.size()];
    List<String> missing = new ArrayList<>();
    HttpClient client = null;
    for (int i = 0; i < files.length; i++) {
      String name = FILES.get(i);
      String sha = options.sha256().get(name);
      Path cached = cache.resolve(name);
      boolean valid = Files.isRegularFile(cached) && sha != null && Download.sha256(cached).equalsIgnoreCase(sha);
      if (!valid && options.download()) {
        if (sha == null) {
          throw new IOException("no SHA-256 is known for " + name + ", so it is not downloaded; give one with "
              + "DataOptions.withChecksums");
        }
        if (client == null) client = Download.client();
        cached = Download.fetch(client, options.mirrors(), name, sha, cache);
        valid = true;
      }
      if (!valid) missing.add(name + (Files.exists(cached) ? " (its SHA-256 is wrong: delete it)" : ""));
      files[i] = cached;
    }
    if (!missing.isEmpty()) {
      throw new FileNotFoundException("MNIST not found: " + (dirs.isEmpty() ? "no data directory was given" : searched(dirs))
          + "; the cache " + cache + (Files.isDirectory(cache) ? "" : " (no such directory)") + " lacks "
          + String.join(", ", missing) + ". Allow the download (DataOptions.withDownload(true)) to fetch them from "
          + options.mirrors() + " into the cache, or put the four files in the data directory. The built-in "
          + "'mnist-10k' needs no files");
    }
    return read(files);
  }

  /** {@code dataDir/name}, {@code dataDir} (when given), then {@code fallback} (when given). */
  private static List<Path> dirs(Path dataDir, String name, Path fallback) {
    List<Path> dirs = new ArrayList<>();
    if (dataDir != null) {
      dirs.add(dataDir.resolve(name));
      dirs.add(dataDir);
    }
    if (fallback != null) dirs.add(fallback);
    return dirs;
  }

  /** The four files in the first directory holding all of them (each with or without .gz), or null. */
  private static Path[] find(List<Path> dirs) {
    for (Path dir : dirs) {
      Path[] files = new Path[FILES.size()];
      for (int i = 0; i < files.length && (i == 0 || files[i - 1] != null); i++) files[i] = file(dir, FILES.get(i));
      if (files[files.length - 1] != null) return files;
    }
    return null;
  }

  private static Path file(Path dir, String gz) {
    for (Path p : List.of(dir.resolve(gz), dir.resolve(gz.substring(0, gz.length() - 3)))) {
      if (Files.isRegularFile(p)) return p;
    }
    return null;
  }

  private static String searched(List<Path> dirs) {
    return "looked for " + String.join(", ", FILES) + " (or without .gz) in "
        + dirs.stream().map(d -> d + (Files.isDirectory(d) ? "" : " (no such directory)")).toList();
  }

  private static Dataset.Split read(Path[] f) throws IOException {
    return new Dataset.Split(Mnist.load(f[0], f[1]), Mnist.load(f[2], f[3]));
  }
}
