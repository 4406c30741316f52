package org.deepgrad.run.repair;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.Measure;
import org.deepgrad.diagnostics.Remedy;

/**
 * A repair as one JSON object, for tools ({@code deepgrad repair --json}, {@code repair.json});
 * non-finite numbers are null:
 *
 * <pre>
 * {"steps", "every", "rounds_at_most", "validation": "held_out" | "the run's",
 *  "verdict": "repaired" | "nothing to repair" | "nothing helped",
 *  "run": RUN,
 *  "rounds": [{"round", "base": [CHANGE...], "seconds",
 *              "candidates": [RUN + {"rank", "for", "measure": {"label", "before", "after"}, "removed", "added", "helps"}],
 *              "not_tried": [{"kind", "reason"}]}],
 *  "repaired": RUN or null, "file": "DIR/repaired.yaml" or null}
 * RUN:    {"changes": [CHANGE...], "findings": ["KIND"...], "train_loss", "val_loss", "val_accuracy",
 *          "test_loss", "test_accuracy", "seconds", "error"}
 * CHANGE: {"kind", "layers", "parameters", "words"}
 * </pre>
 */
final class RepairJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RepairJson() {}

  static String text(Repair r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("steps", r.steps()).put("every", r.every()).put("rounds_at_most", r.settings().rounds())
        .put("validation", r.heldOut() ? "held_out" : "the run's")
        .put("verdict", r.nothingToRepair() ? "nothing to repair" : r.repaired().isPresent() ? "repaired" : "nothing helped");
    run(root.putObject("run"), r.original());
    ArrayNode rounds = root.putArray("rounds");
    for (Round round : r.rounds()) {
      ObjectNode n = rounds.addObject().put("round", round.number());
      changes(n.putArray("base"), round.base().changes());
      n.put("seconds", round.seconds());
      ArrayNode candidates = n.putArray("candidates");
      int rank = 1;
      for (Candidate c : round.ranked()) {
        ObjectNode o = candidates.addObject().put("rank", rank++).put("for", c.target().name());
        ObjectNode measure = o.putObject("measure").put("label", Measure.of(c.target()).label());
        number(measure, "before", round.base().trial().measure(c.target()));
        number(measure, "after", c.trial().measure(c.target()));
        kinds(o.putArray("removed"), c.removed(round.base().trial()));
        kinds(o.putArray("added"), c.added(round.base().trial()));
        o.put("helps", round.helps(c));
        run(o, c);
      }
      ArrayNode notTried = n.putArray("not_tried");
      for (Change.NotMade m : round.notMade()) notTried.addObject().put("kind", m.remedy().kind().name()).put("reason", m.reason());
    }
    List<Candidate> winners = r.winners();
    if (winners.isEmpty()) {
      root.putNull("repaired");
      root.putNull("file");
    } else {
      run(root.putObject("repaired"), winners.get(winners.size() - 1));
      root.put("file", r.dir().resolve(Repair.REPAIRED).toString());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(ObjectNode n, Candidate c) {
    Trial t = c.trial();
    changes(n.putArray("changes"), c.changes());
    kinds(n.putArray("findings"), t.kinds());
    number(n, "train_loss", t.trainLoss());
    number(n, "val_loss", t.valLoss());
    number(n, "val_accuracy", t.valAccuracy());
    number(n, "test_loss", t.test() == null ? Double.NaN : t.test().loss());
    number(n, "test_accuracy", t.test() == null ? Double.NaN : t.test().accuracy().orElse(Double.NaN));
    n.put("seconds", t.seconds());
    if (t.failed()) n.put("error", t.error());
    else n.putNull("error");
  }

  private static void changes(ArrayNode out, List<Change.Made> changes) {
    for (Change.Made m : changes) {
      Remedy r = m.remedy();
      ObjectNode n = out.addObject().put("kind", r.kind().name());
      r.layers().forEach(n.putArray("layers")::add);
      ObjectNode p = n.putObject("parameters");
      r.parameters().forEach(p::put);
      n.put("words", m.words());
    }
  }

  private static void kinds(ArrayNode out, List<Finding.Kind> kinds) {
    kinds.stream().distinct().forEach(k -> out.add(k.name()));
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, v);
    else n.putNull(key);
  }
}
