package org.deepgrad.spark.ml;

/**
 * The uid of a Spark ML stage while its Scala parents are constructed: they build their parameters
 * (featuresCol, ...) in their constructors and ask {@code uid()} for the parameters' parent, before a
 * Java subclass has set any field. A constructor passes its uid through here in the argument of
 * {@code this(...)}, evaluated before the parents run, and {@code uid()} answers from here until the
 * field is set.
 */
final class PendingUid {
  private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

  private PendingUid() {}

  /** Holds {@code uid} for the constructor about to run on this thread; returns it. */
  static String hold(String uid) {
    PENDING.set(uid);
    return uid;
  }

  /** The uid held for the constructor running on this thread. */
  static String held() {
    return PENDING.get();
  }

  /** Ends the hold, once the constructor has set its field. */
  static void release() {
    PENDING.remove();
  }
}
