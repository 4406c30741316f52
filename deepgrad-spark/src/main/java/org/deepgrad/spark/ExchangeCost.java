package org.deepgrad.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * A benchmark: the time one gradient exchange takes among N Spark tasks against the number of
 * parameters P. Each task of a barrier stage packs P floats, encodes them, all-gathers, decodes the N
 * messages and averages them (what {@link GradientAveraging} does every step) 30 times per size; a
 * size's figure is the median, the best of three rounds. First Spark's plain allGather (3 times).
 *
 * <pre>
 * java ... org.deepgrad.spark.ExchangeCost [MASTER (local[2])] [N (2)]
 * </pre>
 */
public final class ExchangeCost {
  private static final int[] SIZES = {1, 10_000, 111_594, 669_706, 2_000_000};
  private static final int REPS = 30;

  private ExchangeCost() {}

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    SparkSession spark = SparkSession.builder().master(master).appName("deepgrad exchange cost")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    List<Integer> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) parts.add(i);
    List<String> lines = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(parts, n).rdd().barrier()
        .mapPartitions(new Measure(), false, ClassTag$.MODULE$.apply(String.class)).toJavaRDD().collect();
    System.out.println("one exchange among " + n + " tasks on " + master + " (median of " + REPS + ", best of 3 rounds):");
    lines.forEach(System.out::println);
    spark.stop();
  }

  /** The barrier task. */
  private static final class Measure extends AbstractFunction1<Iterator<Integer>, Iterator<String>>
      implements Serializable {
    @Override
    public Iterator<String> apply(Iterator<Integer> ignored) {
      return CollectionConverters.asScala(measure(BarrierTaskContext.get()).iterator());
    }
  }

  /** The table, on task 0 (the others return nothing). */
  private static List<String> measure(BarrierTaskContext c) {
    List<String> out = new ArrayList<>();
    double plain = median(new BarrierCollective(c, 0), 1, 3);
    out.add(String.format(Locale.ROOT, "Spark's allGather as is, 1 parameter: %.1f ms", plain));
    for (int p : SIZES) {
      double best = Double.POSITIVE_INFINITY;
      for (int round = 0; round < 3; round++) {
        best = Math.min(best, median(new BarrierCollective(c, ReplicaTask.WAKE_MICROS), p, REPS));
      }
      out.add(String.format(Locale.ROOT, "%,d parameters (%.2f MB a message): %.2f ms", p, 4 * Math.ceil(p / 3.0) * 4 / 1e6,
          best));
    }
    return c.partitionId() == 0 ? out : List.of();
  }

  /** The median time in ms of {@code reps} exchanges of {@code p} floats, as {@link GradientAveraging} makes them. */
  private static double median(Collective c, int p, int reps) {
    float[] grads = new float[p];
    Arrays.fill(grads, 0.25f);
    List<float[]> arrays = List.of(grads);
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      ReplicaMessage[] all = ReplicaMessage.exchange(c, new ReplicaMessage("bench", i, 0,
          Floats.encode(FlatState.pack(arrays))));
      FlatState.unpackMean(FlatState.payloads(all), arrays);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[reps / 2];
  }
}
