package org.deepgrad.run.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each criterion on constructed numbers, once each way. */
class VerdictTest {
  @Test
  void glorotVarianceShrinksTowardTheInputOnlyBelowOneHalf() {
    assertTrue(Glorot2010.shrinks(new double[] {0.01, 0.03, 0.09, 0.27, 0.81}));
    assertFalse(Glorot2010.shrinks(new double[] {1, 1.1, 0.9, 1, 1}));
    assertFalse(Glorot2010.shrinks(new double[] {0.6, 1, 1, 1, 1}));
  }

  @Test
  void glorotNormalizedMustBeFlatterAndWithinTwo() {
    double[] standard = {0.01, 0.03, 0.09, 0.27, 0.81};
    assertTrue(Glorot2010.flatter(new double[] {1, 1.2, 0.9, 1, 1.1}, standard));
    assertFalse(Glorot2010.flatter(new double[] {1, 3, 1, 1, 1}, standard)); // flatter, but spread 3
    assertFalse(Glorot2010.flatter(standard, new double[] {1, 1.2, 0.9, 1, 1.1}));
  }

  @Test
  void glorotSaturationNeedsTopNearZeroAndFirstNearHalf() {
    assertTrue(Glorot2010.saturatedEarly(0.02, 0.5));
    assertFalse(Glorot2010.saturatedEarly(0.4, 0.5));
    assertFalse(Glorot2010.saturatedEarly(0.02, 0.05)); // every layer at 0: not fig. 2's pattern
  }

  @Test
  void heStallsLearnsAndVanishes() {
    assertTrue(He2015.stalls(0.99));
    assertFalse(He2015.stalls(0.6));
    assertTrue(He2015.learns(0.2, 0.9));
    assertFalse(He2015.learns(0.2, 0.3));
    assertFalse(He2015.learns(0.7, 0.9));
    assertTrue(He2015.vanishesOnlyWithXavier(1e-8, 0.8));
    assertFalse(He2015.vanishesOnlyWithXavier(1e-8, 1e-4));
    assertFalse(He2015.vanishesOnlyWithXavier(0.5, 0.8));
  }

  @Test
  void kingmaAdamWithinTenPercentOfTheBest() {
    assertTrue(Kingma2015.asFast(0.30, 0.31));
    assertTrue(Kingma2015.asFast(0.32, 0.30));
    assertFalse(Kingma2015.asFast(0.40, 0.30));
  }

  @Test
  void ioffeFewerStepsCountsNeverAsInfinite() {
    assertTrue(Ioffe2015.fewerSteps(100, 500));
    assertTrue(Ioffe2015.fewerSteps(100, -1));
    assertFalse(Ioffe2015.fewerSteps(500, 100));
    assertFalse(Ioffe2015.fewerSteps(-1, -1));
    assertFalse(Ioffe2015.fewerSteps(-1, 100));
  }

  @Test
  void adadeltaSlowestAtFirstThenAtTheFloor() {
    double[] others = {0.0101, 0.0102, 0.0102};
    assertTrue(ArticleClaims.slowStarter(0.05, others, 0.0103, 0.0102));
    assertFalse(ArticleClaims.slowStarter(0.0101, others, 0.0103, 0.0102)); // not behind Adam
    assertFalse(ArticleClaims.slowStarter(0.05, others, 0.03, 0.0102)); // still far off with more updates
  }

  @Test
  void articleRescueNeedsTenPointsAndWithFlowALargerRatio() {
    assertTrue(ArticleClaims.rescued(0.9, 0.1, true, 1.0, 1e-4));
    assertFalse(ArticleClaims.rescued(0.9, 0.1, true, 1e-5, 1e-4));
    assertTrue(ArticleClaims.rescued(0.9, 0.1, false, 1e-5, 1e-4));
    assertFalse(ArticleClaims.rescued(0.15, 0.1, false, 1, 1));
  }

  @Test
  void statsHelpers() {
    assertEquals(4, Stats.spread(new double[] {1, 4, 2}), 1e-12);
    assertEquals(20, Stats.firstReaching(List.of(new double[] {10, 0.5}, new double[] {20, 0.91},
        new double[] {30, 0.95}), 0.9));
    assertEquals(-1, Stats.firstReaching(List.of(new double[] {10, 0.5}), 0.9));
    assertEquals(2.5, Stats.median(new double[] {4, 1, Double.NaN, 2, 3}), 1e-12);
  }
}
