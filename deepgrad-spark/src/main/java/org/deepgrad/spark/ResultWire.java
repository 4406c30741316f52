package org.deepgrad.spark;

import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deepgrad.train.Metrics;
import org.deepgrad.train.NonFinite;
import org.deepgrad.train.StopReason;
import org.deepgrad.train.TrainResult;

/**
 * A {@link TrainResult} as an executor sends it to the driver (its optionals are not serializable):
 * every field, absent numbers as NaN, an absent non-finite batch as null texts.
 */
record ResultWire(String stopReason, long steps, int epochs, double[] train, double[] validation,
    double bestValidationLoss, int bestEpoch, long skippedBatches, int backoffs, long nonFiniteStep,
    int nonFiniteEpoch, String nonFiniteWhat, String nonFiniteWhere) implements Serializable {

  static ResultWire of(TrainResult r) {
    NonFinite n = r.nonFinite().orElse(null);
    return new ResultWire(r.stopReason().name(), r.steps(), r.epochs(), r.train().map(ResultWire::metrics).orElse(null),
        r.validation().map(ResultWire::metrics).orElse(null), r.bestValidationLoss().orElse(Double.NaN), r.bestEpoch(),
        r.skippedBatches(), r.backoffs(), n == null ? -1 : n.step(), n == null ? -1 : n.epoch(),
        n == null ? null : n.what(), n == null ? null : n.where());
  }

  /** The result the replica had. */
  TrainResult result() {
    return new TrainResult(StopReason.valueOf(stopReason), steps, epochs, Optional.ofNullable(train).map(ResultWire::metrics),
        Optional.ofNullable(validation).map(ResultWire::metrics),
        Double.isNaN(bestValidationLoss) ? OptionalDouble.empty() : OptionalDouble.of(bestValidationLoss), bestEpoch,
        skippedBatches, backoffs, nonFiniteWhat == null ? Optional.empty()
            : Optional.of(new NonFinite(nonFiniteStep, nonFiniteEpoch, nonFiniteWhat, nonFiniteWhere)));
  }

  /** loss, accuracy, mse, r2 (absent: NaN). */
  private static double[] metrics(Metrics m) {
    return new double[] {m.loss(), m.accuracy().orElse(Double.NaN), m.mse().orElse(Double.NaN), m.r2().orElse(Double.NaN)};
  }

  private static Metrics metrics(double[] m) {
    return new Metrics(m[0], optional(m[1]), optional(m[2]), optional(m[3]));
  }

  private static OptionalDouble optional(double v) {
    return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
