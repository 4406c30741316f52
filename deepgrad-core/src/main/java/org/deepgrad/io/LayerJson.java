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
 * {"type": "dense", "units": 128, "init": "he_normal"}     (init omitted for torch's default)
 * {"type": "activation", "name": "relu"}
 * {"type": "batch_norm"}   {"type": "layer_norm"}   {"type": "dropout", "p": 0.2}
 * {"type": "residual", "body": [ ...layers... ]}
 * </pre>
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
        if (d.init() != null) m.put("init", d.init());
      } else if (l instanceof LayerSpec.Act a) {
        m.put("type", "activation");
        m.put("name", a.name());
      } else if (l instanceof LayerSpec.BatchNorm) {
        m.put("type", "batch_norm");
      } else if (l instanceof LayerSpec.LayerNorm) {
        m.put("type", "layer_norm");
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
      case "batch_norm", "layer_norm" -> {
        f.allow("type");
        return type.equals("batch_norm") ? new LayerSpec.BatchNorm() : new LayerSpec.LayerNorm();
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
