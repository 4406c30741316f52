package org.deepgrad.run.repair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deepgrad.diagnostics.Finding;
import org.deepgrad.diagnostics.Remedy;
import org.deepgrad.run.config.TrainConfig;
import org.deepgrad.run.files.Diagnosis;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainResult;
import org.junit.jupiter.api.Test;

/** The ranking rule and what "helps" means, on trials made up to differ in one key at a time; the verdict's words. */
class RankingTest {
  private static final TrainConfig RUN = TrainConfig.plain();

  /** A trial with these findings (errors for EXPLODING and NAN_OR_INF, warnings else), validation accuracy and loss. */
  private static Trial trial(double accuracy, double loss, Finding.Kind... kinds) {
    List<Finding> findings = Arrays.stream(kinds).map(k -> new Finding(k, k == Finding.Kind.EXPLODING
        || k == Finding.Kind.NAN_OR_INF ? Finding.Severity.ERROR : Finding.Severity.WARNING, List.of(), Map.of(), "",
        List.of())).toList();
    TrainResult result = new TrainResult(StopReason.MAX_STEPS, 100, 0, Optional.empty(), Optional.empty(),
        OptionalDouble.empty(), -1, 0, 0, Optional.empty());
    Metrics m = Double.isNaN(accuracy) ? Metrics.regression(loss, loss, 0) : Metrics.classification(loss, accuracy);
    return new Trial(RUN, new Diagnosis(result, 5, 20, 10, null, List.of(), findings), null, new double[] {loss}, m, m,
        1, null);
  }

  private static Trial failed() {
    return new Trial(RUN, null, null, new double[0], null, null, 0.1, "bad input");
  }

  private static List<Trial> ranked(Trial... trials) {
    List<Trial> out = new ArrayList<>(List.of(trials));
    out.sort(Ranking.ORDER);
    return out;
  }

  @Test
  void fewerFindingsFirstThenValidationAccuracyThenTrainingLoss() {
    Trial twoFindings = trial(0.9, 0.1, Finding.Kind.VANISHING, Finding.Kind.STALLED);
    Trial oneLow = trial(0.5, 0.1, Finding.Kind.STALLED);
    Trial oneHigh = trial(0.6, 0.9, Finding.Kind.STALLED);
    Trial oneHighLowerLoss = trial(0.6, 0.8, Finding.Kind.STALLED);
    assertEquals(List.of(oneHighLowerLoss, oneHigh, oneLow, twoFindings),
        ranked(twoFindings, oneLow, oneHigh, oneHighLowerLoss));
  }

  @Test
  void anErrorCountsBeforeWarningsAndARunThatDivergedOrFailedComesLast() {
    Trial exploding = trial(0.9, 0.1, Finding.Kind.EXPLODING);
    Trial twoWarnings = trial(0.1, 2.3, Finding.Kind.DEAD_UNITS, Finding.Kind.VANISHING);
    Trial diverged = trial(0.2, Double.NaN, Finding.Kind.NAN_OR_INF);
    Trial bad = failed();
    assertEquals(List.of(twoWarnings, exploding, diverged, bad), ranked(bad, diverged, exploding, twoWarnings));
    Trial base = trial(0.1, 2.3, Finding.Kind.INPUT_SCALE, Finding.Kind.EXPLODING, Finding.Kind.DEAD_UNITS,
        Finding.Kind.VANISHING);
    assertFalse(Ranking.helps(diverged, base), "fewer findings, but it stopped on a NaN");
    assertFalse(Ranking.helps(bad, base));
  }

  @Test
  void helpingNeedsFewerFindingsOrABetterValidationScoreNotALowerTrainingLoss() {
    Trial base = trial(0.5, 1.0, Finding.Kind.STALLED);
    assertTrue(Ranking.helps(trial(0.1, 2.0), base), "the finding removed comes first");
    assertTrue(Ranking.helps(trial(0.51, 1.0, Finding.Kind.LR_TOO_LOW), base), "as many findings, higher accuracy");
    assertFalse(Ranking.helps(trial(0.5, 0.5, Finding.Kind.STALLED), base), "a lower loss alone");
    assertTrue(Ranking.ORDER.compare(trial(0.5, 0.5, Finding.Kind.STALLED), base) < 0, "but it ranks first");
    assertFalse(Ranking.helps(trial(0.9, 0.1, Finding.Kind.STALLED, Finding.Kind.DEAD_UNITS), base));
  }

  @Test
  void regressionIsJudgedByTheValidationLoss() {
    Trial base = trial(Double.NaN, 4.0, Finding.Kind.LR_TOO_LOW);
    assertTrue(Ranking.helps(trial(Double.NaN, 3.0, Finding.Kind.LR_TOO_LOW), base));
    assertFalse(Ranking.helps(trial(Double.NaN, 5.0, Finding.Kind.LR_TOO_LOW), base));
  }

  @Test
  void whenNothingHelpsTheVerdictSaysSoAndNothingIsRepaired() {
    Candidate base = new Candidate(List.of(), null, trial(0.5, 1.0, Finding.Kind.LR_TOO_HIGH));
    Change.Made down = new Change.Made(Remedy.of(Remedy.Kind.LR_DOWN), RUN, "lr 0.1 -> 0.01");
    Change.Made clip = new Change.Made(Remedy.of(Remedy.Kind.CLIP_NORM), RUN, "clip the gradient norm at 1");
    Candidate slower = new Candidate(List.of(down), Finding.Kind.LR_TOO_HIGH, trial(0.3, 1.5, Finding.Kind.LR_TOO_HIGH,
        Finding.Kind.STALLED));
    Candidate same = new Candidate(List.of(clip), Finding.Kind.LR_TOO_HIGH, trial(0.5, 0.9, Finding.Kind.LR_TOO_HIGH));
    Round round = new Round(1, base, List.of(same, slower), List.of(), 1);
    assertEquals(null, round.winner());
    Repair r = new Repair(Repair.Settings.defaults(), Path.of("out"), base, List.of(round), 100, 5, true);
    assertEquals(Optional.empty(), r.repaired());
    assertEquals(List.of("did not help in round 1 (no fewer findings, no higher validation score than the run as given): "
        + "CLIP_NORM, LR_DOWN", "nothing helped: no change of the run removed a finding or raised the validation score "
        + "in 100 steps; the run is left as it is, and no repaired.yaml was written."), RepairText.verdict(r));
  }
}
