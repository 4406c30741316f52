package org.deepgrad.run.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepgrad.run.config.OutputConfig;
import org.deepgrad.run.config.RunException;
import org.deepgrad.run.config.TrainConfig;

/**
 * The cells of a grid, every one's configuration built and validated before anything runs, so that
 * a typo in the last cell fails in the first second. Each cell's tree is the base with the cell's
 * axis values set, then the sweep's output settings: {@code output.dir} = {@code OUT/cells/ID},
 * diagnostics on (the gradient ratio of the results), no progress bar, no resume (the directory is
 * set after the config is read, so what an earlier run left there does not change it; see
 * {@link CellRunner} for an interrupted cell). {@code training.threads} is taken out of every cell: the thread
 * count is one setting for the whole JVM, which the sweep makes ({@link SweepRun}).
 *
 * @param baseThreads the base's {@code training.threads} (0 when not given)
 */
record Plan(List<Cell> cells, int baseThreads) {
  /** The folder of the cells' directories in the sweep's. */
  static final String CELLS = "cells";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The cells of {@code g} under {@code out}, in grid order; throws the first configuration error. */
  static Plan of(Grid g, Path out, Clock clock) {
    Configs configs = g.typedBase() != null ? typed(g) : fromFile(g, clock);
    for (int k = 0; k < g.axes().size(); k++) {
      Axis a = g.axes().get(k);
      for (int i = 0; i < a.values().size(); i++) {
        configs.one(k, i, "`axes." + a.name() + "[" + i + "]` = " + a.values().get(i));
      }
    }
    List<Cell> cells = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    int[] at = new int[g.axes().size()];
    for (int index = 0; ; index++) {
      Map<String, String> texts = new LinkedHashMap<>();
      for (int k = 0; k < at.length; k++) {
        Axis a = g.axes().get(k);
        texts.put(a.name(), Axis.text(a.values().get(at[k])));
      }
      String id = CellIds.id(g.template(), texts);
      String clash = ids.put(id, texts.toString());
      if (clash != null) {
        throw g.bad("the cells " + clash + " and " + texts + " both get the id " + id + "; "
            + (g.template() == null ? "make the values differ in letters or digits." : "put every axis in `name`."));
      }
      Path dir = out.resolve(CELLS).resolve(id);
      cells.add(Cell.of(index, id, texts, dir, in(dir, configs.cell(at.clone(), "cell " + id))));
      if (!next(at, g.axes())) return new Plan(cells, configs.baseThreads());
    }
  }

  /** How a grid's cells get their configurations: the base with the values at {@code at} set, the sweep's output settings. */
  private interface Configs {
    /** The cell with the values {@code at} (one index per axis), checked; {@code what} names it in errors. */
    TrainConfig cell(int[] at, String what);

    /** Checks the base with axis {@code k}'s value {@code i} alone; {@code what} names it in errors. */
    void one(int k, int i, String what);

    /** The base's {@code training.threads}. */
    int baseThreads();
  }

  /** A grid file's cells: its base tree with each axis's config key set ({@link #apply}), read as a config file is. */
  private static Configs fromFile(Grid g, Clock clock) {
    ObjectNode base = g.base().deepCopy();
    TrainConfig.expandShorthands(base);
    if (base.get("output") instanceof ObjectNode o) o.remove(List.of("dir", "resume", "progress", "diagnose"));
    TrainConfig baseConfig = build(base, clock, g, "`base`");
    if (base.get("training") instanceof ObjectNode t) t.remove("threads");
    List<Integer> baseHidden = baseConfig.model().hidden();
    return new Configs() {
      @Override
      public TrainConfig cell(int[] at, String what) {
        Map<Axis, JsonNode> chosen = new LinkedHashMap<>();
        for (int k = 0; k < at.length; k++) chosen.put(g.axes().get(k), g.axes().get(k).values().get(at[k]));
        ObjectNode tree = base.deepCopy();
        apply(g, tree, chosen, baseHidden);
        ObjectNode output = tree.get("output") instanceof ObjectNode o ? o : tree.putObject("output");
        output.put("diagnose", true).put("progress", false);
        return build(tree, clock, g, what);
      }

      @Override
      public void one(int k, int i, String what) {
        Axis a = g.axes().get(k);
        ObjectNode tree = base.deepCopy();
        apply(g, tree, Map.of(a, a.values().get(i)), baseHidden);
        build(tree, clock, g, what);
      }

      @Override
      public int baseThreads() {
        return baseConfig.training().threads();
      }
    };
  }

  /** A grid built in Java: its base value with each axis's change applied in axis order, checked as a config file is. */
  private static Configs typed(Grid g) {
    TrainConfig base = g.typedBase();
    return new Configs() {
      @Override
      public TrainConfig cell(int[] at, String what) {
        TrainConfig c = base;
        for (int k = 0; k < at.length; k++) c = g.axes().get(k).typed().apply(c, at[k]);
        return checked(c.withTraining(t -> t.withThreads(0)).withOutput(o -> o.withDiagnose(true).withProgress(false)),
            what);
      }

      @Override
      public void one(int k, int i, String what) {
        checked(g.axes().get(k).typed().apply(base, i), what);
      }

      @Override
      public int baseThreads() {
        return base.training().threads();
      }

      private TrainConfig checked(TrainConfig c, String what) {
        try {
          return c.validated();
        } catch (RunException e) {
          throw g.bad(what + ": " + e.getMessage());
        }
      }
    };
  }

  /** Advances the odometer {@code at} (last axis fastest); false after the last combination. */
  private static boolean next(int[] at, List<Axis> axes) {
    for (int k = at.length - 1; k >= 0; k--) {
      if (++at[k] < axes.get(k).values().size()) return true;
      at[k] = 0;
    }
    return false;
  }

  private static TrainConfig build(ObjectNode tree, Clock clock, Grid g, String what) {
    try {
      return TrainConfig.fromTree(tree, clock);
    } catch (RunException e) {
      throw new RunException(g.bad(what + ": " + e.getMessage()).getMessage(), e);
    }
  }

  /** Sets each chosen value at its axis's key; depth and width together make {@code model.hidden}. */
  private static void apply(Grid g, ObjectNode tree, Map<Axis, JsonNode> chosen, List<Integer> baseHidden) {
    JsonNode depth = null;
    JsonNode width = null;
    for (Map.Entry<Axis, JsonNode> e : chosen.entrySet()) {
      String name = e.getKey().name();
      if (name.equals("depth")) depth = e.getValue();
      else if (name.equals("width")) width = e.getValue();
      else set(g, tree, e.getKey().path(), e.getValue());
    }
    if (depth == null && width == null) return;
    int layers = depth != null ? depth.intValue() : baseHidden == null ? 1 : baseHidden.size();
    Integer units = width != null ? Integer.valueOf(width.intValue())
        : baseHidden == null ? Integer.valueOf(1) : baseHidden.isEmpty() ? null : baseHidden.get(0);
    if (units == null && layers > 0) {
      throw g.bad("`axes.depth` needs a layer width: give `axes.width`, or a base `model.hidden` with at "
          + "least one layer (its first width is used).");
    }
    set(g, tree, "model.hidden", F.textNode(layers == 0 ? "none" : units + "x" + layers));
  }

  private static void set(Grid g, ObjectNode tree, String path, JsonNode value) {
    String[] keys = path.split("\\.");
    ObjectNode n = tree;
    for (int i = 0; i < keys.length - 1; i++) {
      JsonNode child = n.get(keys[i]);
      if (child == null || child.isNull()) child = n.putObject(keys[i]);
      if (!child.isObject()) {
        throw g.bad("the base's `" + String.join(".", List.of(keys).subList(0, i + 1)) + "` = " + child
            + " is not a mapping, so the axis " + path + " cannot set a key in it.");
      }
      n = (ObjectNode) child;
    }
    n.set(keys[keys.length - 1], value.deepCopy());
  }

  /** {@code c} writing to {@code dir}, a fresh run. */
  private static TrainConfig in(Path dir, TrainConfig c) {
    OutputConfig o = c.output();
    return new TrainConfig(c.data(), c.model(), c.optimizer(), c.schedule(), c.training(), new OutputConfig(dir, false,
        o.progress(), o.logEvery(), o.checkpointEvery(), o.keepCheckpoints(), o.diagnose(), o.diagnoseEvery()), c.preset());
  }
}
