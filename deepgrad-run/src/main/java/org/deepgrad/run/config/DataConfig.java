package org.deepgrad.run.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code data} section: which data set, where its files are, and how it is split.
 *
 * @param dataset the kind: mnist-10k, fashion-mnist, mnist, spirals, linear, teacher, csv or idx
 * @param path the user's file ({@code csv:PATH}) or directory of IDX files ({@code idx:DIR}), else null
 * @param dataDir where fashion-mnist and mnist files are read from, and only there (null: their usual places)
 * @param download whether mnist may be downloaded into the cache when missing
 * @param validation the fraction of the training split held out for validation, in [0, 1)
 * @param standardize whether features are standardized with the training split's statistics
 * @param csv how a CSV file is read (null unless the dataset is csv)
 * @param synthetic the size and shape of a synthetic set (null unless spirals, linear or teacher)
 */
public record DataConfig(String dataset, Path path, Path dataDir, boolean download, double validation,
    boolean standardize, CsvConfig csv, SyntheticConfig synthetic) {
  /** The data sets by name, as {@code --dataset} takes them. */
  public static final List<String> NAMES = List.of("mnist-10k", "fashion-mnist", "mnist", "spirals", "linear",
      "teacher", "csv:PATH", "idx:DIR");
  static final List<String> KEYS = List.of("dataset", "data_dir", "download", "validation", "standardize", "csv",
      "synthetic");
  /** The data sets read from {@code data_dir} when given (then from there only), else from their usual place. */
  static final List<String> FROM_DATA_DIR = List.of("fashion-mnist", "mnist");

  /** Whether the data set is a synthetic one (spirals, linear, teacher). */
  public boolean isSynthetic() {
    return SyntheticConfig.KINDS.contains(dataset);
  }

  /**
   * The data set {@code dataset} as {@code --dataset} names it (mnist-10k, spirals, csv:PATH, ...), with
   * the defaults of its other keys.
   *
   * @throws RunException for an unknown set or a missing file
   */
  public static DataConfig of(String dataset) {
    return read(new ConfigNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("dataset", dataset), "data", java.util.Map.of()));
  }

  /**
   * The {@code data} section {@code tree}, checked as a config file's is; {@code flagOf} names the flag
   * (or other source) that gave a key, by its path ({@code data.dataset}), for the messages.
   */
  public static DataConfig read(com.fasterxml.jackson.databind.node.ObjectNode tree, java.util.Map<String, String> flagOf) {
    return read(new ConfigNode(tree, "data", flagOf));
  }

  static DataConfig read(ConfigNode n) {
    n.allowOnly(KEYS);
    String spec = n.text("dataset", Defaults.DATASET).trim();
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    Path path = null;
    if (kind.equals("csv") || kind.equals("idx")) {
      if (colon < 0 || colon == spec.length() - 1) {
        throw n.bad("dataset", "give the " + (kind.equals("csv") ? "file, as csv:PATH" : "directory, as idx:DIR"));
      }
      path = n.filePath("dataset", spec.substring(colon + 1));
      String problem = kind.equals("csv") ? InputFiles.fileProblem(path) : InputFiles.directoryProblem(path);
      if (problem != null) throw n.bad("dataset", problem);
    } else if (colon >= 0 || !NAMES.contains(kind)) {
      throw n.bad("dataset", "unknown data set; the data sets are " + String.join(", ", NAMES)
          + Suggest.didYouMean(kind, NAMES));
    }
    Path dataDir = n.has("data_dir") ? n.filePath("data_dir", n.text("data_dir", null)) : null;
    if (dataDir != null && !Files.isDirectory(dataDir)) {
      throw n.bad("data_dir", "no such directory: " + dataDir.toAbsolutePath());
    }
    if (dataDir != null && !FROM_DATA_DIR.contains(kind)) {
      throw n.bad("data_dir", "only " + String.join(" and ", FROM_DATA_DIR) + " are read from a data directory; " + kind
          + (kind.equals("csv") || kind.equals("idx") ? " names its own files" : " reads no files") + ", so leave it out");
    }
    if (dataDir != null && n.bool("download", false)) {
      throw n.bad("data_dir", "a data directory is the only place its files are read from, and " + n.describe("download")
          + " fetches them into the cache instead; give one of them");
    }
    if (n.has("csv") && !kind.equals("csv")) throw n.bad("csv", "applies only to a csv:PATH data set");
    boolean synthetic = SyntheticConfig.KINDS.contains(kind);
    if (n.has("synthetic") && !synthetic) throw n.bad("synthetic", "applies only to " + SyntheticConfig.KINDS);
    return new DataConfig(kind, path, dataDir, n.bool("download", false),
        n.number("validation", 0, Range.closedOpen(0, 1)), n.bool("standardize", false),
        kind.equals("csv") ? CsvConfig.read(n.section("csv")) : null,
        synthetic ? SyntheticConfig.read(n.section("synthetic"), kind) : null);
  }

  /** This section with {@code dataDir} as given; {@link TrainConfig#validated} checks it. */
  public DataConfig withDataDir(Path dataDir) {
    return new DataConfig(dataset, path, dataDir, download, validation, standardize, csv, synthetic);
  }

  /** This section with {@code download} as given; {@link TrainConfig#validated} checks it. */
  public DataConfig withDownload(boolean download) {
    return new DataConfig(dataset, path, dataDir, download, validation, standardize, csv, synthetic);
  }

  /** This section with {@code validation} as given; {@link TrainConfig#validated} checks it. */
  public DataConfig withValidation(double validation) {
    return new DataConfig(dataset, path, dataDir, download, validation, standardize, csv, synthetic);
  }

  /** This section with {@code standardize} as given; {@link TrainConfig#validated} checks it. */
  public DataConfig withStandardize(boolean standardize) {
    return new DataConfig(dataset, path, dataDir, download, validation, standardize, csv, synthetic);
  }
}
