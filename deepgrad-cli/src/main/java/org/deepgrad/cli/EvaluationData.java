package org.deepgrad.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.deepgrad.io.ModelCard;
import org.deepgrad.run.config.ConfigFiles;
import org.deepgrad.run.config.DataConfig;
import org.deepgrad.run.config.Defaults;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.files.RunContents;

/**
 * Which data a saved model is evaluated on, and the seed that draws its split. By default the data
 * set the card records ({@code info.dataset}), read as training read it: when the model directory
 * holds the run's {@code config.yaml} naming that same data set, its data section (CSV columns and
 * task, synthetic sizes) is used, else the defaults for that name. {@code --dataset} names another
 * data set, keeping the run's CSV or synthetic settings when it is of the same kind (the same
 * columns in another file); {@code --data-dir} and {@code --download} replace the run's. The seed
 * is the card's {@code info.seed} (CSV shuffle, synthetic draws), or {@link Defaults#SEED} without one.
 *
 * @param config the data section whose test split is evaluated
 * @param seed the training seed
 */
record EvaluationData(DataConfig config, long seed) {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The data for the model in {@code dir} with {@code card}; the flags may be null / false. */
  static EvaluationData choose(Path dir, ModelCard card, String dataset, String dataDir, boolean download) {
    String trained = card.infoText("dataset");
    if (dataset == null && trained == null) {
      throw new UsageException("--model " + dir + ": its model.json records no data set (info.dataset), so there is "
          + "no test split to default to; name one with --dataset NAME (" + String.join(", ", DataConfig.NAMES) + ").");
    }
    String name = dataset != null ? dataset.trim() : trained;
    ObjectNode run = runData(dir);
    ObjectNode data = F.objectNode();
    boolean sameRun = run != null && trained != null && trained.equals(run.path("dataset").asText(null));
    if (sameRun && kind(name).equals(kind(trained))) {
      for (String key : new String[] {"data_dir", "csv", "synthetic"}) if (run.has(key)) data.set(key, run.get(key));
    }
    data.put("dataset", name).put("download", download);
    if (dataDir != null) data.put("data_dir", dataDir);
    Map<String, String> flags = new HashMap<>();
    flags.put("data.dataset", dataset != null ? "--dataset" : "the model's data set, info.dataset in "
        + dir.resolve(EvaluateCommand.MODEL_JSON));
    flags.put("data.data_dir", dataDir != null ? "--data-dir" : "data_dir in " + dir.resolve(RunContents.CONFIG_FILE));
    try {
      return new EvaluationData(DataConfig.read(data, flags), seed(dir, card));
    } catch (RunException e) {
      if (dataset != null) throw e;
      throw new RunException(e.getMessage() + " Give --dataset to evaluate on another data set with the same "
          + "features.", e);
    }
  }

  /** The data section of the run's config.yaml in {@code dir}, or null when there is none. */
  private static ObjectNode runData(Path dir) {
    Path file = dir.resolve(RunContents.CONFIG_FILE);
    if (!Files.isRegularFile(file)) return null;
    try {
      JsonNode data = ConfigFiles.read(file).get("data");
      return data instanceof ObjectNode o ? o : null;
    } catch (RunException e) {
      return null; // not readable as the run wrote it: the card's data set name alone still works
    }
  }

  /** The kind of a data set name: {@code csv} for {@code csv:PATH}, else the name. */
  private static String kind(String name) {
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(0, colon);
  }

  private static long seed(Path dir, ModelCard card) {
    String seed = card.infoText("seed"); // a number, or text in files written before info kept numbers
    if (seed == null) return Defaults.SEED;
    try {
      return Long.parseLong(seed.trim());
    } catch (NumberFormatException e) {
      throw new UsageException("--model " + dir + ": model.json records seed \"" + seed + "\" (info.seed), not a whole "
          + "number; fix it to the training seed, which draws the test split of CSV and synthetic data sets.");
    }
  }
}
