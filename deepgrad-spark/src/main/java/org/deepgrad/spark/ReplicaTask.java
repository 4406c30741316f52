package org.deepgrad.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.ModelSpec;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The function each task of the barrier stage runs on its partition (= its shard): replica
 * {@code partitionId} of {@code numPartitions}. A retried stage (attempt &gt; 0: a task or an executor
 * was lost) resumes from the newest checkpoint all replicas hold.
 */
final class ReplicaTask extends AbstractFunction1<Iterator<Sample>, Iterator<ReplicaResult>>
    implements Serializable {
  /** How often a waiting exchange looks at its answer ({@link BarrierCollective}). */
  static final long WAKE_MICROS = 500;
  private final TrainingJob job;
  private final String out;
  private final Broadcast<List<Sample>> validation;
  private final boolean resume;

  ReplicaTask(TrainingJob job, Path out, Broadcast<List<Sample>> validation, boolean resume) {
    this.job = job;
    this.out = out.toString();
    this.validation = validation;
    this.resume = resume;
  }

  @Override
  public Iterator<ReplicaResult> apply(Iterator<Sample> samples) {
    BarrierTaskContext context = BarrierTaskContext.get();
    int r = context.partitionId();
    int n = context.getTaskInfos().length;
    ModelSpec spec = job.model().spec();
    Dataset shard = Shards.toDataset(CollectionConverters.asJava(samples), spec.inputs(), spec.outputs());
    Dataset val = r == 0 && validation != null
        ? Shards.toDataset(validation.value().iterator(), spec.inputs(), spec.outputs()) : null;
    try {
      ReplicaResult result = Replica.run(job, r, n, shard, val, Path.of(out), new BarrierCollective(context, WAKE_MICROS),
          resume || context.stageAttemptNumber() > 0);
      List<ReplicaResult> one = result == null ? List.of() : List.of(result);
      return CollectionConverters.asScala(one.iterator());
    } catch (IOException e) {
      throw new UncheckedIOException("replica " + r + " of " + n + ": " + e.getMessage(), e);
    }
  }
}
