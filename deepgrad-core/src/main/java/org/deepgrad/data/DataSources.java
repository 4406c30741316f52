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
 * A data directory, when given, is the only place looked ({@code DIR/<name>}, then {@code DIR}): no
 * cache, no download, no system directory, so a wrong directory is an error rather than another
 * copy read silently. Downloaded files are verified against their SHA-256 before every use; files
 * the user provides are checked by {@link IdxReader}'s strict format checks only, as they may be
 * recompressed. {@link #locate} says which files a name reads, {@link #read} reads them.
 */
public final class DataSources {
  /** Where Debian's {@code dataset-fashion-mnist} package puts the Fashion-MNIST files. */
  public static final String FASHION_MNIST_SYSTEM_DIR = "/usr/share/datasets/fashion-mnist";
  /** The files of an MNIST-style data set: training images and labels, then test images and labels. */
  public static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
      "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

  /** Fashion-MNIST's class names, labels 0 to 9, as Zalando's README gives them. */
  public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
      "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  private DataSources() {}

  /** The names {@link #load} accepts. */
  public static List<String> names() {
    return List.of("mnist-10k", "fashion-mnist", "mnist");
  }

  /** The data set called {@code name} (see the class comment), found or fetched as {@code options} say. */
  public static Dataset.Split load(String name, DataOptions options) throws IOException {
    return name.equals("mnist-10k") ? Mnist.trainTest() : read(locate(name, options));
  }

  /**
   * The four files (in the order of {@link #FILES}) that {@link #load} reads for {@code fashion-mnist}
   * or {@code mnist}, downloading mnist's into the cache when {@code options} allow it.
   *
   * @throws FileNotFoundException naming the directories searched and the files expected there
   * @throws IllegalArgumentException for another name ({@code mnist-10k} is built in: no files)
   */
  public static List<Path> locate(String name, DataOptions options) throws IOException {
    return switch (name) {
      case "fashion-mnist" -> options.dataDir() != null ? inDataDir("Fashion-MNIST", name, options.dataDir())
          : fashionMnistFiles(List.of(Path.of(FASHION_MNIST_SYSTEM_DIR)));
      case "mnist" -> options.dataDir() != null ? inDataDir("MNIST", name, options.dataDir()) : mnistFiles(options);
      case "mnist-10k" -> throw new IllegalArgumentException("mnist-10k is built in: it reads no files");
      default -> throw new IllegalArgumentException("unknown data set \"" + name + "\"; the built-in ones are "
          + names() + ". For your own files use CsvReader, or Mnist.load for an IDX pair");
    };
  }

  /** Training and test splits from the four files of {@link #locate} (or {@link #FILES} found elsewhere). */
  public static Dataset.Split read(List<Path> files) throws IOException {
    return new Dataset.Split(Mnist.load(files.get(0), files.get(1)), Mnist.load(files.get(2), files.get(3)));
  }

  /** Fashion-MNIST from the first of {@code dirs} that holds all four files. */
  public static Dataset.Split fashionMnist(List<Path> dirs) throws IOException {
    return read(fashionMnistFiles(dirs));
  }

  private static List<Path> fashionMnistFiles(List<Path> dirs) throws FileNotFoundException {
    Path[] files = find(dirs);
    if (files == null) {
      throw new FileNotFoundException("Fashion-MNIST not found: " + searched(dirs) + ". On Debian or Ubuntu run "
          + "'apt-get install dataset-fashion-mnist' (it installs them in " + FASHION_MNIST_SYSTEM_DIR + "); elsewhere "
          + "download the four files from https://github.com/zalandoresearch/fashion-mnist (folder data/fashion) "
          + "into a directory and give it as the data directory");
    }
    return List.of(files);
  }

  /** The four files of {@code name} in {@code dir/name} or {@code dir}, the only places a data directory means. */
  private static List<Path> inDataDir(String title, String name, Path dir) throws FileNotFoundException {
    List<Path> dirs = List.of(dir.resolve(name), dir);
    Path[] files = find(dirs);
    if (files == null) {
      throw new FileNotFoundException(title + " not found in the data directory " + dir + ": " + searched(dirs)
          + ". Put the four files in one of them, or give no data directory to use "
          + (name.equals("mnist") ? "the cache (and the download)" : FASHION_MNIST_SYSTEM_DIR));
    }
    return List.of(files);
  }

  /**
   * An MNIST-style set (MNIST, Fashion-MNIST, KMNIST, EMNIST, ...: grey images with byte labels) from
   * the four files of {@link #FILES} (each with or without .gz) in {@code dir}. The number of classes
   * is the largest label of either split plus one (at most 256, as labels are bytes).
   */
  public static Dataset.Split idx(Path dir) throws IOException {
    return idx(locateIdx(dir));
  }

  /** The four files of {@link #FILES} (each with or without .gz) in {@code dir}, in that order. */
  public static List<Path> locateIdx(Path dir) throws FileNotFoundException {
    Path[] f = find(List.of(dir));
    if (f == null) {
      throw new FileNotFoundException("no MNIST-style data set in " + dir + ": " + searched(List.of(dir))
          + ". Put the four files there under these names");
    }
    return List.of(f);
  }

  /** An MNIST-style set from the four files of {@link #locateIdx}, as {@link #idx(Path)}. */
  public static Dataset.Split idx(List<Path> f) throws IOException {
    IdxData trainLabels = IdxReader.read(f.get(1));
    IdxData testLabels = IdxReader.read(f.get(3));
    int classes = Math.max(2, Math.max(maxLabel(trainLabels), maxLabel(testLabels)) + 1);
    return new Dataset.Split(Mnist.fromIdx(IdxReader.read(f.get(0)), trainLabels, classes),
        Mnist.fromIdx(IdxReader.read(f.get(2)), testLabels, classes));
  }


  private static int maxLabel(IdxData labels) {
    int max = 0;
    for (int i = 0; i < labels.count(); i++) max = Math.max(max, labels.unsigned(i));
    return max;
  }

  /** Full MNIST from the data directory when one is given, else from the cache, downloading missing files if allowed. */
  public static Dataset.Split mnist(DataOptions options) throws IOException {
    return read(locate("mnist", options));
  }

  private static List<Path> mnistFiles(DataOptions options) throws IOException {
    Path cache = options.cacheDir().resolve("mnist");
    Path[] files = new Path[FILES.size()];
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
      throw new FileNotFoundException("MNIST not found: no data directory was given; the cache " + cache + (Files.isDirectory(cache) ? "" : " (no such directory)") + " lacks "
          + String.join(", ", missing) + ". Allow the download (DataOptions.withDownload(true)) to fetch them from "
          + options.mirrors() + " into the cache, or put the four files in the data directory. The built-in "
          + "'mnist-10k' needs no files");
    }
    return List.of(files);
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

}
