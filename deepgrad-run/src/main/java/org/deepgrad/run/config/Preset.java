package org.deepgrad.run.config;

import java.util.List;

/**
 * A named starting point for the model's keys, and the rule that says when one applies:
 *
 * <ul>
 *   <li>{@code preset: main} (or {@code --preset main}) starts from the main job's model: every hidden
 *       layer gets batch norm and dropout 0.2; the config's and the flags' model keys change it.
 *   <li>With no {@code preset} key, a command that describes a model (a config file with a
 *       {@code model} section, or any model flag: --hidden, --activation, --init, --[no-]batch-norm,
 *       --dropout, --[no-]residual) gets exactly that model, the keys it leaves out at the plain
 *       defaults of {@link Defaults} (no batch norm, no dropout, torch's init).
 *   <li>One that describes no model gets the main job's: the preset {@code main}, implied.
 * </ul>
 *
 * So {@code deepgrad train} and {@code deepgrad train --lr 0.01} train the main job's model,
 * {@code --hidden 256x10 --activation sigmoid} a plain sigmoid MLP, and {@code --preset main --dropout 0.5}
 * the main job's model with another dropout rate.
 *
 * @param name the preset's name, as configs give it
 * @param batchNorm the default of {@code model.batch_norm}
 * @param dropout the default of {@code model.dropout}
 */
public record Preset(String name, boolean batchNorm, double dropout) {
  /** The top-level key and flag that name a preset. */
  public static final String KEY = "preset";
  /** The main job: each hidden layer Dense → BatchNorm → activation → Dropout 0.2. */
  public static final Preset MAIN = new Preset("main", true, 0.2);
  /** The presets by name. */
  static final List<Preset> ALL = List.of(MAIN);

  /** The preset of the configuration {@code root} (see the class comment); null for none. */
  static Preset of(ConfigNode root) {
    if (root.has(KEY)) {
      String name = root.choice(KEY, null, ALL.stream().map(Preset::name).toList());
      return ALL.stream().filter(p -> p.name.equals(name)).findFirst().orElseThrow();
    }
    return root.has("model") ? null : MAIN;
  }

  /** The first line of a run that uses this preset: {@code main job (preset main)}. */
  public String line() {
    return name + " job (preset " + name + ")";
  }
}
