package org.deepgrad.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deepgrad.data.CsvReader;
import org.deepgrad.data.DataOptions;
import org.deepgrad.data.DataSources;
import org.deepgrad.data.Dataset;
import org.deepgrad.data.Regression;
import org.deepgrad.data.Samples;
import org.deepgrad.data.Standardizer;
import org.deepgrad.data.Synthetic;
import org.deepgrad.io.Task;
import org.deepgrad.run.config.CsvConfig;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.SyntheticConfig;
import org.deepgrad.tensor.Rng;
import org.deepgrad.train.Objective;

/**
 * Loads the data a {@link DataConfig} names and splits it:
 * <ul>
 *   <li>mnist-10k: the fixed split, first 8,000 train, last 2,000 test; fashion-mnist, mnist and
 *       {@code idx:DIR}: their own train (60,000) and test (10,000) files. Pixels scaled to [0, 1].
 *   <li>{@code csv:PATH}: the rows shuffled with the seed, then the last {@value #CSV_TEST_PERCENT}%
 *       held out for testing (a file is often sorted by class, so no fixed order is safe).
 *   <li>spirals, linear, teacher: {@code samples + test_samples} drawn with the seed, split in order.
 * </ul>
 * A validation fraction v then takes the last ⌈v·n⌉ samples of the training split. With
 * {@code standardize} every split is standardized with the statistics of the (remaining) training
 * split only, so nothing about validation or test data leaks into training. {@link #unprocessed}
 * gives the same splits untouched, for evaluating a saved model with the statistics in its card.
 */
public final class DataLoading {
  static final int CSV_TEST_PERCENT = 20;

  private DataLoading() {}

  /**
   * The data of {@code config}, split, validation held out and standardized, ready for training;
   * synthetic sets and the CSV shuffle are drawn from {@code seed}.
   */
  public static RunData<?> load(DataConfig config, long seed) throws IOException {
    return prepare(read(config, seed), config);
  }

  /**
   * The training and test splits of {@code config} exactly as training draws them, but as the reader
   * gives them: no validation held out, nothing standardized (a saved model's card holds the training
   * statistics to apply instead). {@link RunData#sourceScale()} says how the reader scaled raw values.
   */
  public static RunData<?> unprocessed(DataConfig config, long seed) throws IOException {
    return read(config, seed).unprocessed();
  }

  private static Read<?> read(DataConfig config, long seed) throws IOException {
    return switch (config.dataset()) {
      case "linear" -> regression(linear(config.synthetic(), seed), config.dataset());
      case "csv" -> config.csv().task().equals("regression")
          ? regression(shuffleSplit(csvRegression(config), seed), "csv:" + config.path())
          : csvClassification(config, seed);
      case "spirals", "teacher" -> classification(synthetic(config, seed), false, config.dataset(), "");
      case "mnist-10k" -> classification(DataSources.load("mnist-10k", options(config)), true, config.dataset(), "");
      case "idx" -> {
        List<Path> files = DataSources.locateIdx(config.path());
        yield classification(DataSources.idx(files), true, config.dataset(), readFrom(files));
      }
      default -> {
        List<Path> files = DataSources.locate(config.dataset(), options(config));
        yield classification(DataSources.read(files), true, config.dataset(), readFrom(files));
      }
    };
  }

  /** " (read from DIR: train-images-idx3-ubyte.gz, ...)": the four files of an IDX set, all in one directory. */
  private static String readFrom(List<Path> files) {
    return " (read from " + files.get(0).getParent() + ": "
        + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", ")) + ")";
  }

  private static <S extends Samples<S>> RunData<S> prepare(Read<S> r, DataConfig c) {
    return r.with(parts(c, r.train(), r.test()));
  }

  private static Dataset.Split synthetic(DataConfig c, long seed) {
    SyntheticConfig s = c.synthetic();
    return c.dataset().equals("spirals")
        ? Synthetic.spirals(s.samples() + s.testSamples(), s.noise(), seed).split(s.samples())
        : Synthetic.teacher(s.samples() + s.testSamples(), s.inputs(), s.hidden(), s.classes(), seed).split(s.samples());
  }

  /** Where built-in sets are looked for and whether mnist may be downloaded. */
  public static DataOptions options(DataConfig c) {
    DataOptions o = DataOptions.defaults().withDownload(c.download());
    return c.dataDir() == null ? o : o.withDataDir(c.dataDir());
  }

  /** Fashion-MNIST's classes by name; those of the other sets by their label, 0, 1, ... */
  private static Read<Dataset> classification(Dataset.Split split, boolean images, String name, String source) {
    List<String> classes = new ArrayList<>();
    for (int k = 0; k < split.train().classes(); k++) classes.add(String.valueOf(k));
    if (name.equals("fashion-mnist")) classes = DataSources.FASHION_MNIST_CLASSES;
    return classification(split, classes, images ? 1.0 / 255 : 1, name, source);
  }

  private static Read<Dataset> classification(Dataset.Split split, List<String> classes, double sourceScale,
      String name, String source) {
    return new Read<>(split.train(), split.test(), Objective.classification(), Task.CLASSIFICATION, classes.size(),
        classes, sourceScale, name, source);
  }

  private static Read<Dataset> csvClassification(DataConfig c, long seed) throws IOException {
    CsvReader.Mapped m = reader(c.csv()).classificationMapped(c.path());
    Parts<Dataset> both = shuffleSplit(m.data(), seed);
    return classification(new Dataset.Split(both.train, both.test), m.classNames(), 1, "csv:" + c.path(), "");
  }

  private static Read<Regression> regression(Parts<Regression> split, String name) {
    return new Read<>(split.train, split.test, Objective.regression(), Task.REGRESSION, split.train.targetSize(),
        List.of(), 1, name, "");
  }

  private static Parts<Regression> linear(SyntheticConfig s, long seed) {
    float[] a = new float[s.weights().size()];
    for (int j = 0; j < a.length; j++) a[j] = s.weights().get(j).floatValue();
    Regression all = Synthetic.linear(s.samples() + s.testSamples(), a, (float) s.bias(), s.noise(), seed);
    return new Parts<>(range(all, 0, s.samples()), null, range(all, s.samples(), all.size()), null);
  }

  private static Regression csvRegression(DataConfig c) throws IOException {
    return reader(c.csv()).regression(c.path());
  }

  private static CsvReader reader(CsvConfig csv) {
    CsvReader r = csv.targetIndex() ? CsvReader.targetIndex(Integer.parseInt(csv.target())) : CsvReader.target(csv.target());
    if (!csv.header()) r = r.withoutHeader();
    return r.delimiter(csv.delimiter());
  }

  /** The rows in an order drawn from {@code seed}, then the last {@value #CSV_TEST_PERCENT}% as the test split. */
  private static <S extends Samples<S>> Parts<S> shuffleSplit(S all, long seed) {
    int n = all.size();
    int test = Math.max(1, n * CSV_TEST_PERCENT / 100);
    if (n - test < 1) {
      throw new RunException("the CSV file has " + n + " data rows; at least 2 are needed (one to train, one to test).");
    }
    S shuffled = all.rows(new Rng(seed).permutation(n));
    return new Parts<>(range(shuffled, 0, n - test), null, range(shuffled, n - test, n), null);
  }

  /** Holds out the validation fraction and standardizes, with training statistics only. */
  private static <S extends Samples<S>> Parts<S> parts(DataConfig c, S train, S test) {
    int n = train.size();
    int v = (int) Math.ceil(c.validation() * n);
    if (v >= n) {
      throw new RunException("data.validation = " + c.validation() + " leaves no training samples out of " + n
          + "; use a smaller fraction.");
    }
    S validation = v == 0 ? null : range(train, n - v, n);
    train = range(train, 0, n - v);
    if (!c.standardize()) return new Parts<>(train, validation, test, null);
    Standardizer s = Standardizer.fit(train);
    return new Parts<>(s.apply(train), validation == null ? null : s.apply(validation), s.apply(test), s);
  }

  private static <S extends Samples<S>> S range(S data, int from, int to) {
    return from == 0 && to == data.size() ? data : data.rows(IntStream.range(from, to).toArray());
  }

  private record Parts<S extends Samples<S>>(S train, S validation, S test, Standardizer standardizer) {}

  /**
   * The splits as the reader gives them, and what the run needs to know about them.
   *
   * @param source where they were read, for the description: " (read from DIR: FILE, ...)", or "" when the
   *     name says it (built in, synthetic, csv:PATH)
   */
  private record Read<S extends Samples<S>>(S train, S test, Objective<S> objective, Task task, int outputs,
      List<String> classes, double sourceScale, String name, String source) {
    RunData<S> unprocessed() {
      return with(new Parts<>(train, null, test, null));
    }

    RunData<S> with(Parts<S> p) {
      String description = name + ": " + p.train.size() + " train" + (p.validation == null ? ""
          : ", " + p.validation.size() + " validation") + ", " + p.test.size() + " test, " + p.train.inputSize()
          + " features" + (p.standardizer == null ? "" : ", standardized") + source;
      return new RunData<>(p.train, p.validation, p.test, objective, task, outputs, classes, sourceScale,
          p.standardizer, name, description);
    }
  }
}
