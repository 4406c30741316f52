package org.deepgrad.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where {@link DataSources} looks for and keeps data set files.
 *
 * @param dataDir a directory of the user's data files (null for none): a data set's files are looked
 *     for in {@code dataDir/<name>} and then in {@code dataDir} itself, and nowhere else (no cache,
 *     no download, no system directory)
 * @param cacheDir where downloads go, in {@code cacheDir/<name>}; default {@code $XDG_CACHE_HOME/deepgrad},
 *     else {@code ~/.cache/deepgrad}
 * @param download whether missing files may be downloaded (default false: nothing leaves the machine
 *     unless asked)
 * @param mirrors base URLs tried in order, each ending in '/'; a file's URL is base + file name
 * @param sha256 the SHA-256 (64 hex digits) each downloaded file must have, by file name; a file
 *     with no entry is never downloaded
 */
public record DataOptions(Path dataDir, Path cacheDir, boolean download, List<URI> mirrors, Map<String, String> sha256) {
  /** The MNIST mirrors torchvision and TensorFlow use, in that order. */
  public static final List<URI> MNIST_MIRRORS = List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
      URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

  /**
   * SHA-256 of the four original MNIST files (LeCun, Cortes, Burges), the values that many
   * independent loaders publish and check; the files are 9,912,422, 28,881, 1,648,877 and 4,542
   * bytes long.
   */
  public static final Map<String, String> MNIST_SHA256 = Map.of(
      "train-images-idx3-ubyte.gz", "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
      "train-labels-idx1-ubyte.gz", "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
      "t10k-images-idx3-ubyte.gz", "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
      "t10k-labels-idx1-ubyte.gz", "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

  /** Checks the mirrors are http(s) URLs ending in '/' and the checksums 64 hex digits; copies the lists. */
  public DataOptions {
    if (cacheDir == null) throw new IllegalArgumentException("DataOptions: cacheDir is null; give a directory for downloads");
    for (URI m : mirrors) {
      if (!("https".equals(m.getScheme()) || "http".equals(m.getScheme())) || !m.getPath().endsWith("/")) {
        throw new IllegalArgumentException("DataOptions: mirror " + m + " must be an http(s) URL ending in '/', "
            + "the directory that holds the files");
      }
    }
    sha256.forEach((file, hash) -> {
      if (!hash.matches("[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("DataOptions: the SHA-256 for " + file + " is \"" + hash
            + "\"; expected 64 hex digits");
      }
    });
    mirrors = List.copyOf(mirrors);
    sha256 = Map.copyOf(sha256);
  }

  /** No data directory, the default cache, no download, the MNIST mirrors and checksums. */
  public static DataOptions defaults() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg, "deepgrad")
        : Path.of(System.getProperty("user.home"), ".cache", "deepgrad");
    return new DataOptions(null, cache, false, MNIST_MIRRORS, MNIST_SHA256);
  }

  /** These options with another data directory (null for none). */
  public DataOptions withDataDir(Path dir) {
    return new DataOptions(dir, cacheDir, download, mirrors, sha256);
  }

  /** These options with another cache directory. */
  public DataOptions withCacheDir(Path dir) {
    return new DataOptions(dataDir, dir, download, mirrors, sha256);
  }

  /** These options with downloading allowed or not. */
  public DataOptions withDownload(boolean allowed) {
    return new DataOptions(dataDir, cacheDir, allowed, mirrors, sha256);
  }

  /** These options with other mirrors, e.g. a local copy of the files. */
  public DataOptions withMirrors(List<URI> bases) {
    return new DataOptions(dataDir, cacheDir, download, bases, sha256);
  }

  /** These options with other checksums (they replace the defaults), for files not listed above. */
  public DataOptions withChecksums(Map<String, String> fileToSha256) {
    return new DataOptions(dataDir, cacheDir, download, mirrors, fileToSha256);
  }
}
