package org.deepgrad.run.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.deepgrad.nn.LayerSpec;

/**
 * Writes a resolved {@link TrainConfig} as YAML with the config file's keys, every default filled
 * in, so that the printed text read back as a config file gives the same configuration.
 */
public final class ConfigPrinter {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR).build());

  private ConfigPrinter() {}

  /** {@code config} as a YAML document. */
  public static String yaml(TrainConfig config) {
    try {
      return YAML.writeValueAsString(tree(config));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code config} as a tree with the config file's sections and keys. */
  public static ObjectNode tree(TrainConfig c) {
    ObjectNode root = F.objectNode();
    if (c.preset() != null) root.put(Preset.KEY, c.preset().name());
    root.set("data", data(c.data()));
    model(root.putObject("model"), c.model());
    OptimizerConfig o = c.optimizer();
    ObjectNode opt = root.putObject("optimizer").put("name", o.name());
    o.hyper().forEach((k, v) -> opt.set(k, v instanceof List<?> pair ? F.arrayNode().add((Double) pair.get(0))
        .add((Double) pair.get(1)) : v instanceof Boolean b ? F.booleanNode(b) : F.numberNode((Double) v)));
    ArrayNode groups = opt.putArray("groups");
    for (GroupConfig g : o.groups()) {
      ObjectNode n = groups.addObject();
      g.params().forEach(n.putArray("params")::add);
      if (g.lr() != null) n.put("lr", g.lr());
      if (g.weightDecay() != null) n.put("weight_decay", g.weightDecay());
    }
    root.putObject("schedule").put("spec", c.schedule().spec())
        .put("unit", c.schedule().unit().name().toLowerCase(Locale.ROOT));
    TrainingConfig t = c.training();
    ObjectNode training = root.putObject("training").put("epochs", t.epochs()).put("max_steps", t.maxSteps());
    if (t.fullBatch()) training.put("batch_size", "full");
    else training.put("batch_size", t.batchSize());
    training.put("seed", t.seed())
        .put("threads", t.threads()).put("l2", t.l2()).put("clip_norm", t.clipNorm()).put("clip_value", t.clipValue())
        .put("weight_clip", t.weightClip()).put("early_stopping", t.earlyStopping())
        .put("non_finite", t.nonFinite().name().toLowerCase(Locale.ROOT));
    OutputConfig out = c.output();
    ObjectNode output = root.putObject("output");
    if (out.dir() != null) output.put("dir", out.dir().toString());
    output.put("resume", out.resume())
        .put("progress", out.progress()).put("log_every", out.logEvery())
        .put("checkpoint_every", out.checkpointEvery().toString()).put("keep_checkpoints", out.keepCheckpoints())
        .put("diagnose", out.diagnose()).put("diagnose_every", out.diagnoseEvery());
    return root;
  }

  /** The {@code data} section of a configuration. */
  static ObjectNode data(DataConfig d) {
    ObjectNode data = F.objectNode()
        .put("dataset", d.path() == null ? d.dataset() : d.dataset() + ":" + d.path());
    if (d.dataDir() != null) data.put("data_dir", d.dataDir().toString());
    data.put("download", d.download()).put("validation", d.validation()).put("standardize", d.standardize());
    if (d.csv() != null) {
      CsvConfig csv = d.csv();
      ObjectNode n = data.putObject("csv");
      if (csv.targetIndex()) n.put("target", Integer.parseInt(csv.target()));
      else n.put("target", csv.target());
      n.put("header", csv.header()).put("delimiter", String.valueOf(csv.delimiter())).put("task", csv.task());
    }
    if (d.synthetic() != null) synthetic(data.putObject("synthetic"), d.dataset(), d.synthetic());
    return data;
  }

  private static void synthetic(ObjectNode n, String kind, SyntheticConfig s) {
    n.put("samples", s.samples()).put("test_samples", s.testSamples());
    if (!kind.equals("teacher")) n.put("noise", s.noise());
    if (kind.equals("linear")) {
      s.weights().forEach(n.putArray("weights")::add);
      n.put("bias", s.bias());
    }
    if (kind.equals("teacher")) n.put("inputs", s.inputs()).put("hidden", s.hidden()).put("classes", s.classes());
  }

  private static void model(ObjectNode n, ModelConfig m) {
    if (m.explicit()) {
      layers(n.putArray("layers"), m.layers());
      return;
    }
    m.hidden().forEach(n.putArray("hidden")::add);
    n.put("activation", m.activation());
    if (m.init() != null) n.put("init", m.init());
    n.put("batch_norm", m.batchNorm()).put("dropout", m.dropout()).put("residual", m.residual());
  }

  private static void layers(ArrayNode out, List<LayerSpec> layers) {
    for (LayerSpec layer : layers) {
      ObjectNode n = out.addObject();
      if (layer instanceof LayerSpec.Dense dense) {
        n.put("type", "dense").put("units", dense.units());
        if (dense.init() != null) n.put("init", dense.init());
      } else if (layer instanceof LayerSpec.Act act) {
        n.put("type", "activation").put("name", act.name());
      } else if (layer instanceof LayerSpec.Dropout drop) {
        n.put("type", "dropout").put("p", drop.p());
      } else if (layer instanceof LayerSpec.Residual res) {
        layers(n.put("type", "residual").putArray("body"), res.body());
      } else if (layer instanceof LayerSpec.BatchNorm bn) {
        n.put("type", "batch_norm").put("eps", bn.eps()).put("momentum", bn.momentum());
      } else {
        n.put("type", "layer_norm").put("eps", ((LayerSpec.LayerNorm) layer).eps());
      }
    }
  }
}
