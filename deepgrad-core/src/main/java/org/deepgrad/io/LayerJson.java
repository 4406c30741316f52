package org.deepgrad.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.nn.LayerSpec;
import org.deepgrad.nn.ModelSpec;

/**
 * The layers of a model.json, one object per {@link LayerSpec}:
 *
 * <pre>
 * {"type": "dense", "units": 128, "init": "he_normal"}     ("default": torch's; xavier_normal:auto, ...)
 * {"type": "activation", "name": "relu"}
 * {"type": "batch_norm", "eps": 1.0E-5, "momentum": 0.1}   {"type": "layer_norm", "eps": 1.0E-5}
 * {"type": "dropout", "p": 0.2}
 * {"type": "residual", "body": [ ...layers... ]}
 * </pre>
 *
 * Files written before these were recorded leave out a dense layer's default init and the norms' eps
 * and momentum; they read as torch's defaults.
 */
final class LayerJson {
  private static final List<String> TYPES = List.of("dense", "activation", "batch_norm", "layer_norm", "dropout", "residual");

  private LayerJson() {}

  /** The JSON tree of {@code layers}, for {@link JsonPrinter}. */
  static List<Object> write(List<LayerSpec> layers) {
    List<Object> out = new ArrayList<>();
    for (LayerSpec l : layers) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (l instanceof LayerSpec.Dense d) {
        m.put("type", "dense");
        m.put("units", d.units());
        m.put("init", d.init() == null ? "default" : d.init());
      } else if (l instanceof LayerSpec.Act a) {
        m.put("type", "activation");
        m.put("name", a.name());
      } else if (l instanceof LayerSpec.BatchNorm n) {
        m.put("type", "batch_norm");
        m.put("eps", n.eps());
        m.put("momentum", n.momentum());
      } else if (l instanceof LayerSpec.LayerNorm n) {
        m.put("type", "layer_norm");
        m.put("eps", n.eps());
      } else if (l instanceof LayerSpec.Dropout d) {
        m.put("type", "dropout");
        m.put("p", d.p());
      } else {
        m.put("type", "residual");
        m.put("body", write(((LayerSpec.Residual) l).body()));
      }
      out.add(m);
    }
    return out;
  }

  /** The layers in the array member {@code key} of {@code parent}, every key and value checked. */
  static List<LayerSpec> read(JsonFields parent, String key) throws ModelFileException {
    List<?> items = parent.array(key);
    List<LayerSpec> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) out.add(read(parent.objectAt(key, items, i)));
    return out;
  }

  private static LayerSpec read(JsonFields f) throws ModelFileException {
    String type = f.string("type");
    switch (type) {
      case "dense" -> {
        f.allow("type", "units", "init");
        int units = f.positiveInt("units", ModelSpec.MAX_WIDTH);
        String init = f.has("init") ? f.string("init") : null;
        return f.check("init", () -> new LayerSpec.Dense(units, init));
      }
      case "activation" -> {
        f.allow("type", "name");
        String name = f.string("name");
        return f.check("name", () -> new LayerSpec.Act(name));
      }
      case "batch_norm" -> {
        f.allow("type", "eps", "momentum");
        double eps = f.has("eps") ? f.number("eps") : LayerSpec.BatchNorm.EPS;
        double momentum = f.has("momentum") ? f.number("momentum") : LayerSpec.BatchNorm.MOMENTUM;
        return f.check("eps", () -> new LayerSpec.BatchNorm(eps, momentum));
      }
      case "layer_norm" -> {
        f.allow("type", "eps");
        double eps = f.has("eps") ? f.number("eps") : LayerSpec.BatchNorm.EPS;
        return f.check("eps", () -> new LayerSpec.LayerNorm(eps));
      }
      case "dropout" -> {
        f.allow("type", "p");
        double p = f.number("p");
        return f.check("p", () -> new LayerSpec.Dropout(p));
      }
      case "residual" -> {
        f.allow("type", "body");
        List<LayerSpec> body = read(f, "body");
        return f.check("body", () -> new LayerSpec.Residual(body));
      }
      default -> throw f.error(f.place("type"), "unknown layer type " + JsonFields.found(type) + "; choose one of " + TYPES);
    }
  }
}
