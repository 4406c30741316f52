package org.deepgrad.run.repair;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.Measure;

/**
 * A repair as text: what every run was, a table per round (the candidates best first, then the run
 * they change) and the verdict: what helped, what did not, and what is left.
 */
final class RepairText {
  private RepairText() {}

  static void print(Repair r, PrintWriter out) {
    out.println(setup(r));
    out.println("the run as given: " + Repair.summary(r.original().trial()));
    for (Round round : r.rounds()) {
      out.println();
      out.println("round " + round.number() + ": changes of " + base(round) + String.format(Locale.ROOT, " (%.1f s)",
          round.seconds()));
      table(out, header(r), rows(round));
      for (Change.NotMade n : round.notMade()) out.println("not tried: " + n.remedy().kind() + " (" + n.reason() + ")");
    }
    out.println();
    verdict(r).forEach(out::println);
    out.flush();
  }

  /** How every run was trained and judged. */
  static String setup(Repair r) {
    return "repair: every run trained for " + r.steps() + " steps on the same data, seed and sample order, and "
        + "diagnosed as 'deepgrad diagnose --steps " + r.steps() + " --every " + r.every() + "' would; chosen by "
        + "validation (" + (r.heldOut() ? "the last " + Math.round(100 * Repair.HOLD_OUT) + "% of the training split, "
        + "held out for the repair since the run has none" : "the run's own validation split") + ")";
  }

  private static String base(Round round) {
    return round.base().changes().isEmpty() ? "the run as given" : round.base().name();
  }

  /** The verdict, line by line. */
  static List<String> verdict(Repair r) {
    List<String> lines = new ArrayList<>();
    Candidate original = r.original();
    if (r.nothingToRepair()) {
      lines.add("nothing to repair: the run has no finding after " + r.steps() + " steps (" + scores(original.trial())
          + ").");
      return lines;
    }
    for (Round round : r.rounds()) {
      List<String> not = round.ranked().stream().filter(c -> !round.helps(c)).map(c -> c.last().remedy().kind().name())
          .toList();
      if (!not.isEmpty()) {
        lines.add("did not help in round " + round.number() + " (no fewer findings, no higher validation score than "
            + base(round) + "): " + String.join(", ", not));
      }
    }
    Candidate best = r.winners().isEmpty() ? null : r.winners().get(r.winners().size() - 1);
    if (best == null) {
      lines.add("nothing helped: no change of the run removed a finding or raised the validation score in " + r.steps()
          + " steps; the run is left as it is, and no " + Repair.REPAIRED + " was written.");
      return lines;
    }
    List<Finding.Kind> left = best.trial().kinds();
    lines.add("repaired: " + best.name() + ": findings left " + (left.isEmpty() ? "none" : kinds(left))
        + " (the run as given: " + kinds(original.trial().kinds()) + "); " + scores(best.trial()) + " ("
        + scores(original.trial()) + ")");
    lines.add("on the test split after the same " + r.steps() + " steps (not used to choose): " + test(best.trial())
        + " (the run as given: " + test(original.trial()) + ")");
    if (!left.isEmpty()) {
      Round last = r.rounds().get(r.rounds().size() - 1);
      if (last.winner() != best) {
        lines.add(last.ranked().isEmpty() ? "no remedy of the findings left can be made a change of the run (not "
            + "tried, above)" : "no remedy of the findings left helped");
      } else if (r.rounds().size() == r.settings().rounds()) {
        lines.add("findings are left after " + r.rounds().size() + " rounds (--rounds " + r.settings().rounds() + ")");
      } else {
        lines.add("the remedies of the findings left give no run that was not tried already");
      }
    }
    lines.add("repaired configuration: " + r.dir().resolve(Repair.REPAIRED) + " (train it with: deepgrad train "
        + r.dir().resolve(Repair.REPAIRED) + ")");
    return lines;
  }

  /** {@code validation accuracy 85.42%, training loss 0.612}; for regression the validation loss. */
  static String scores(Trial t) {
    String val = Double.isNaN(t.valAccuracy()) ? "validation loss " + number(t.valLoss())
        : "validation accuracy " + percent(t.valAccuracy());
    return val + ", training loss " + number(t.trainLoss());
  }

  private static String test(Trial t) {
    if (t.test() == null) return "-";
    return t.test().accuracy().isPresent() ? "accuracy " + percent(t.test().accuracy().getAsDouble())
        : "loss " + number(t.test().loss());
  }

  static List<String> header(Repair r) {
    boolean accuracy = !Double.isNaN(r.original().trial().valAccuracy());
    return List.of("rank", "remedy", "change", "for", "measure", "before", "after", "findings left", "train loss",
        accuracy ? "val acc" : "val loss", "time", "helps");
  }

  /** The candidates of {@code round}, ranked, then its base. */
  static List<List<String>> rows(Round round) {
    List<List<String>> rows = new ArrayList<>();
    Trial base = round.base().trial();
    int rank = 1;
    for (Candidate c : round.ranked()) {
      Trial t = c.trial();
      Measure m = Measure.of(c.target());
      rows.add(List.of(String.valueOf(rank++), c.last().remedy().kind().name(), c.last().words(), c.target().name(),
          m.label(), number(base.measure(c.target())), number(t.measure(c.target())),
          t.failed() ? "failed: " + t.error() : t.findings().isEmpty() ? "none" : kinds(t.kinds()), number(t.trainLoss()),
          validation(t), seconds(t), round.helps(c) ? "yes" : "no"));
    }
    rows.add(List.of("-", round.base().name(), "", "", "", "",
        "", base.findings().isEmpty() ? "none" : kinds(base.kinds()), number(base.trainLoss()), validation(base),
        seconds(base), ""));
    return rows;
  }

  private static String validation(Trial t) {
    return Double.isNaN(t.valAccuracy()) ? number(t.valLoss()) : percent(t.valAccuracy());
  }

  private static String seconds(Trial t) {
    return String.format(Locale.ROOT, "%.1f s", t.seconds());
  }

  static String kinds(List<Finding.Kind> kinds) {
    return kinds.stream().map(Enum::name).distinct().collect(Collectors.joining(", "));
  }

  /** Three significant digits; NaN as "-". */
  static String number(double v) {
    if (Double.isNaN(v)) return "-";
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.valueOf((long) v);
    return String.format(Locale.ROOT, "%.3g", v);
  }

  static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }

  /** Columns padded to their widest cell: text left, numbers right. */
  private static void table(PrintWriter out, List<String> head, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(head);
    all.addAll(rows);
    int[] width = new int[head.size()];
    for (List<String> row : all) for (int c = 0; c < row.size(); c++) width[c] = Math.max(width[c], row.get(c).length());
    for (List<String> row : all) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        boolean right = row.get(c).matches("[-+]?[0-9.]+(e[-+]?[0-9]+)?( s|%)?") && row != head;
        line.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + (right ? "" : "-") + width[c] + "s",
            row.get(c)));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
