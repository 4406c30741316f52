package org.deepgrad.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deepgrad.run.config.ConfigFiles;
import org.deepgrad.run.config.ConfigPrinter;
import org.deepgrad.run.config.TrainConfig;

/**
 * What a {@code --resume} would change in a run's settings: the run's {@code config.yaml} (the
 * settings it was started or last resumed with) against the configuration resolved now, key by key,
 * both as {@link ConfigPrinter} writes them. The keys of {@link #FREE} are left out: they change
 * where and how a run reports, or where its files are found, not what it computes.
 */
final class SettingsChange {
  /** Keys (and sections) a resumed run may change freely. */
  static final List<String> FREE = List.of("output", "training.threads", "data.data_dir", "data.download");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SettingsChange() {}

  /**
   * The changes from the settings in {@code configYaml} to {@code now}, one line each:
   * {@code optimizer.lr: 0.001 -> 0.5}, {@code optimizer.lr: not set -> 0.5}; empty when none.
   */
  static List<String> between(Path configYaml, TrainConfig now) {
    JsonNode was = ConfigFiles.read(configYaml);
    JsonNode is;
    try {
      is = YAML.readTree(ConfigPrinter.yaml(now));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    List<String> out = new ArrayList<>();
    differences(was, is, "", out);
    return out;
  }

  private static void differences(JsonNode was, JsonNode is, String path, List<String> out) {
    if (FREE.contains(path)) return;
    if (was.isObject() && is.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      was.fieldNames().forEachRemaining(keys::add);
      for (Iterator<String> it = is.fieldNames(); it.hasNext(); ) keys.add(it.next());
      for (String k : keys) differences(was.path(k), is.path(k), path.isEmpty() ? k : path + "." + k, out);
    } else if (!was.equals(is)) {
      out.add(path + ": " + text(was) + " -> " + text(is));
    }
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? "not set" : n.isValueNode() ? n.asText() : n.toString();
  }
}
