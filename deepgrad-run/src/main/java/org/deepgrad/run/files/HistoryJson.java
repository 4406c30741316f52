package org.deepgrad.run.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepgrad.diagnostics.Histogram;
import org.deepgrad.diagnostics.InputStats;
import org.deepgrad.diagnostics.LayerInfo;
import org.deepgrad.diagnostics.LayerStats;
import org.deepgrad.diagnostics.ParamStats;
import org.deepgrad.diagnostics.Setup;
import org.deepgrad.diagnostics.StepStats;
import org.deepgrad.diagnostics.Summary;
import org.deepgrad.nn.Activation;
import org.deepgrad.nn.Parameter;

/**
 * The records of {@code diagnostics.jsonl} ({@link HistoryLog}) to and from JSON. Field names are the
 * snake_case of the core records' components; a non-finite number is {@code null} (JSON has no NaN)
 * and reads back as NaN, so an infinite update ratio (a zero bias that moved) comes back as NaN.
 *
 * <pre>
 * {"event":"layers","every":50,"layers":[{"name","index","activation","normalized","fan_in","fan_out","initial_weight_std"}],
 *  "setup":{"optimizer","inits":[name|null],"residual","clip_norm","standardized"},
 *  "inputs":{"rows","mean":[..],"std":[..],"min":[..],"max":[..],"non_finite":[..]}|null}
 * {"event":"sample","step","loss","lr","grad_norm_before","grad_norm_after","clipped","clip_rate",
 *  "layers":[{"name","index","activation","saturation","dead_fraction",
 *             "params":[{"name","role","grad_norm","grad_rms","weight_norm","update_ratio","non_finite_grad","non_finite_weight"}],
 *             "output":SUMMARY|null,"output_grad":SUMMARY|null}]}
 * SUMMARY = {"count","non_finite","mean","std","norm","rms","min","p1","p50","p99","max","histogram":{"lo","hi","counts"}}
 * </pre>
 */
public final class HistoryJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private HistoryJson() {}

  /**
   * The header line: the layers found in the model, the sampling period, what the run applies and the
   * inputs' statistics (null when not measured), so that a report judges the samples as the run did.
   */
  public static ObjectNode header(List<LayerInfo> layers, int every, Setup setup, InputStats inputs) {
    ObjectNode root = F.objectNode().put("event", "layers").put("every", every);
    ObjectNode s = root.putObject("setup").put("optimizer", setup.optimizer());
    ArrayNode inits = s.putArray("inits");
    setup.inits().forEach(inits::add);
    s.put("residual", setup.residual()).put("clip_norm", setup.clipNorm()).put("standardized", setup.standardized());
    if (inputs == null) {
      root.putNull("inputs");
    } else {
      ObjectNode in = root.putObject("inputs").put("rows", inputs.rows());
      for (int j = 0; j < inputs.features(); j++) {
        number(in.withArray("mean"), inputs.mean()[j]);
        number(in.withArray("std"), inputs.std()[j]);
        number(in.withArray("min"), inputs.min()[j]);
        number(in.withArray("max"), inputs.max()[j]);
        in.withArray("non_finite").add(inputs.nonFinite()[j]);
      }
    }
    ArrayNode a = root.putArray("layers");
    for (LayerInfo l : layers) {
      ObjectNode n = a.addObject().put("name", l.name()).put("index", l.index())
          .put("activation", l.activation().configName()).put("normalized", l.normalized())
          .put("fan_in", l.fanIn()).put("fan_out", l.fanOut());
      number(n, "initial_weight_std", l.initialWeightStd());
    }
    return root;
  }

  /** The layers of a {@link #header} line. */
  public static List<LayerInfo> layers(JsonNode header) {
    List<LayerInfo> out = new ArrayList<>();
    for (JsonNode n : header.path("layers")) {
      out.add(new LayerInfo(n.path("name").asText(), n.path("index").asInt(), kind(n.path("activation")),
          n.path("normalized").asBoolean(), n.path("fan_in").asInt(), n.path("fan_out").asInt(),
          num(n, "initial_weight_std")));
    }
    return out;
  }

  /** What the run applies, from a {@link #header} line; {@link Setup#UNKNOWN} when the header has none. */
  public static Setup setup(JsonNode header) {
    JsonNode s = header.get("setup");
    if (s == null || !s.isObject()) return Setup.UNKNOWN;
    List<String> inits = new ArrayList<>();
    s.path("inits").forEach(n -> inits.add(n.isNull() ? null : n.asText()));
    JsonNode optimizer = s.get("optimizer");
    return new Setup(optimizer == null || optimizer.isNull() ? null : optimizer.asText(), inits,
        s.path("residual").asBoolean(), Math.max(0, s.path("clip_norm").asDouble()), s.path("standardized").asBoolean());
  }

  /** The inputs' statistics of a {@link #header} line; null when it has none. */
  public static InputStats inputs(JsonNode header) {
    JsonNode in = header.get("inputs");
    if (in == null || !in.isObject()) return null;
    int d = in.path("mean").size();
    double[][] v = new double[4][d];
    String[] keys = {"mean", "std", "min", "max"};
    long[] nonFinite = new long[d];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < keys.length; k++) {
        JsonNode x = in.path(keys[k]).get(j);
        v[k][j] = x == null || !x.isNumber() ? Double.NaN : x.asDouble();
      }
      nonFinite[j] = in.path("non_finite").path(j).asLong();
    }
    return new InputStats(in.path("rows").asInt(), v[0], v[1], v[2], v[3], nonFinite);
  }

  /** One recorded step. */
  public static ObjectNode sample(StepStats s) {
    ObjectNode n = F.objectNode().put("event", "sample").put("step", s.step());
    number(n, "loss", s.loss());
    number(n, "lr", s.lr());
    number(n, "grad_norm_before", s.gradNormBefore());
    number(n, "grad_norm_after", s.gradNormAfter());
    n.put("clipped", s.clipped());
    number(n, "clip_rate", s.clipRate());
    ArrayNode layers = n.putArray("layers");
    for (LayerStats l : s.layers()) {
      ObjectNode ln = layers.addObject().put("name", l.name()).put("index", l.index())
          .put("activation", l.activationKind().configName());
      number(ln, "saturation", l.saturation());
      number(ln, "dead_fraction", l.deadFraction());
      ArrayNode params = ln.putArray("params");
      for (ParamStats p : l.params()) {
        ObjectNode pn = params.addObject().put("name", p.name()).put("role", p.role().name().toLowerCase(Locale.ROOT));
        number(pn, "grad_norm", p.gradNorm());
        number(pn, "grad_rms", p.gradRms());
        number(pn, "weight_norm", p.weightNorm());
        number(pn, "update_ratio", p.updateRatio());
        pn.put("non_finite_grad", p.nonFiniteGrad()).put("non_finite_weight", p.nonFiniteWeight());
      }
      ln.set("output", summary(l.activation()));
      ln.set("output_grad", summary(l.outputGrad()));
    }
    return n;
  }

  /** The step of a {@link #sample} line. */
  public static StepStats step(JsonNode n) {
    List<LayerStats> layers = new ArrayList<>();
    for (JsonNode ln : n.path("layers")) {
      List<ParamStats> params = new ArrayList<>();
      for (JsonNode p : ln.path("params")) {
        params.add(new ParamStats(p.path("name").asText(), Parameter.Role.valueOf(p.path("role").asText().toUpperCase(Locale.ROOT)),
            num(p, "grad_norm"), num(p, "grad_rms"), num(p, "weight_norm"), num(p, "update_ratio"),
            p.path("non_finite_grad").asInt(), p.path("non_finite_weight").asInt()));
      }
      layers.add(new LayerStats(ln.path("name").asText(), ln.path("index").asInt(), kind(ln.path("activation")), params,
          summary(ln.get("output")), summary(ln.get("output_grad")), num(ln, "saturation"), num(ln, "dead_fraction")));
    }
    return new StepStats(n.path("step").asLong(), num(n, "loss"), num(n, "lr"), num(n, "grad_norm_before"),
        num(n, "grad_norm_after"), n.path("clipped").asBoolean(), num(n, "clip_rate"), layers);
  }

  private static JsonNode summary(Summary s) {
    if (s == null) return F.nullNode();
    ObjectNode n = F.objectNode().put("count", s.count()).put("non_finite", s.nonFinite());
    double[] v = {s.mean(), s.std(), s.norm(), s.rms(), s.min(), s.p1(), s.p50(), s.p99(), s.max()};
    String[] k = {"mean", "std", "norm", "rms", "min", "p1", "p50", "p99", "max"};
    for (int i = 0; i < k.length; i++) number(n, k[i], v[i]);
    ObjectNode h = n.putObject("histogram");
    number(h, "lo", s.histogram().lo());
    number(h, "hi", s.histogram().hi());
    for (long c : s.histogram().counts()) h.withArray("counts").add(c);
    return n;
  }

  private static Summary summary(JsonNode n) {
    if (n == null || !n.isObject()) return null;
    JsonNode h = n.path("histogram");
    long[] counts = new long[h.path("counts").size()];
    for (int i = 0; i < counts.length; i++) counts[i] = h.path("counts").get(i).asLong();
    return new Summary(n.path("count").asInt(), n.path("non_finite").asInt(), num(n, "mean"), num(n, "std"),
        num(n, "norm"), num(n, "rms"), num(n, "min"), num(n, "p1"), num(n, "p50"), num(n, "p99"), num(n, "max"),
        new Histogram(num(h, "lo"), num(h, "hi"), counts));
  }

  private static Activation.Kind kind(JsonNode n) {
    return Activation.Kind.valueOf(n.asText("identity").toUpperCase(Locale.ROOT));
  }

  /** The number at {@code key}; NaN for null or missing. */
  public static double num(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
  }

  private static void number(ArrayNode a, double v) {
    if (Double.isFinite(v)) a.add(v);
    else a.addNull();
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, v);
    else n.putNull(key);
  }
}
