package org.deepgrad.spark.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.classification.ProbabilisticClassificationModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.io.ModelFiles;
import org.deepgrad.nn.Sequential;
import org.deepgrad.tensor.Tensor;

/**
 * A model {@link DeepgradClassifier} trained: adds {@code rawPrediction} (the network's logits),
 * {@code probability} (their softmax) and {@code prediction} (the most probable class) columns. It
 * holds the run's {@code model.safetensors} and {@code model.json} as bytes (what Spark sends to the
 * executors) and rebuilds the network from them with deepgrad's model files, checks included, once
 * per copy; {@code write().save(path)} stores the two files (and Spark's metadata) under {@code path}.
 */
public final class DeepgradClassificationModel
    extends ProbabilisticClassificationModel<Vector, DeepgradClassificationModel> implements MLWritable {
  private String uid; // set after the Scala parents' constructors, which ask uid() (PendingUid)
  private final byte[] weights;
  private final byte[] card;
  private final int numFeatures;
  private final int numClasses;
  private transient Sequential network;

  private DeepgradClassificationModel(String uid, byte[] weights, byte[] card) {
    this(PendingUid.hold(uid), weights, card, true);
  }

  private DeepgradClassificationModel(String uid, byte[] weights, byte[] card, boolean held) {
    this.uid = uid;
    PendingUid.release();
    this.weights = weights;
    this.card = card;
    Sequential n = network();
    this.numFeatures = n.namedParameters().values().iterator().next().value().dim(1);
    this.numClasses = outputs(n);
  }

  /** The model a run saved in {@code dir} ({@link ModelFiles}). */
  static DeepgradClassificationModel fromRun(String uid, Path dir) throws IOException {
    return new DeepgradClassificationModel(uid, Files.readAllBytes(dir.resolve(ModelFiles.WEIGHTS)),
        Files.readAllBytes(dir.resolve(ModelFiles.CARD)));
  }

  private static int outputs(Sequential n) {
    try (NoGrad g = NoGrad.enter()) {
      int in = n.namedParameters().values().iterator().next().value().dim(1);
      return n.forward(Tensor.zeros(1, in)).dim(1);
    }
  }

  /** The network, rebuilt from the two files on first use in this copy (evaluation mode). */
  private synchronized Sequential network() {
    if (network == null) {
      try {
        Path dir = Files.createTempDirectory("deepgrad-model-");
        try {
          Files.write(dir.resolve(ModelFiles.WEIGHTS), weights);
          Files.write(dir.resolve(ModelFiles.CARD), card);
          network = ModelFiles.load(dir).model();
        } finally {
          try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return network;
  }

  @Override
  public String uid() {
    return uid != null ? uid : PendingUid.held();
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int numFeatures() {
    return numFeatures;
  }

  /** The network's logits for one row. */
  @Override
  public Vector predictRaw(Vector features) {
    double[] x = features.toArray();
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
    float[] out;
    try (NoGrad g = NoGrad.enter()) {
      out = network().forward(Tensor.of(f, 1, f.length)).data();
    }
    double[] raw = new double[out.length];
    for (int i = 0; i < out.length; i++) raw[i] = out[i];
    return Vectors.dense(raw);
  }

  /** Softmax of the logits, in place: exp(z_i − max z) / Σ_j exp(z_j − max z). */
  @Override
  public Vector raw2probabilityInPlace(Vector rawPrediction) {
    double[] z = ((DenseVector) rawPrediction).values();
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) max = Math.max(max, v);
    double sum = 0;
    for (int i = 0; i < z.length; i++) sum += z[i] = Math.exp(z[i] - max);
    for (int i = 0; i < z.length; i++) z[i] /= sum;
    return rawPrediction;
  }

  /**
   * Spark's training summaries (which this model has none of) find their model here. Both Scala parents
   * declare it, with Tuple3 types no Java type satisfies together, so a Java subclass must override it
   * with the raw type.
   */
  @Override
  @SuppressWarnings("rawtypes")
  public scala.Tuple3 findSummaryModel() {
    return super.findSummaryModel();
  }

  @Override
  public DeepgradClassificationModel copy(ParamMap extra) {
    return copyValues(new DeepgradClassificationModel(uid, weights, card), extra).setParent(parent());
  }

  @Override
  public MLWriter write() {
    return new Writer(this);
  }

  public static MLReader<DeepgradClassificationModel> read() {
    return new Reader();
  }

  public static DeepgradClassificationModel load(String path) {
    return read().load(path);
  }

  /** Spark's metadata (the parameters) under {@code path/metadata}, the model files under {@code path/model}. */
  private static final class Writer extends MLWriter {
    private final DeepgradClassificationModel model;

    Writer(DeepgradClassificationModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
      put(path, ModelFiles.WEIGHTS, model.weights);
      put(path, ModelFiles.CARD, model.card);
    }

    private void put(String path, String name, byte[] bytes) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(path, "model"), name);
      try (OutputStream out = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration()).create(file)) {
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private static final class Reader extends MLReader<DeepgradClassificationModel> {
    @Override
    public DeepgradClassificationModel load(String path) {
      DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(),
          DeepgradClassificationModel.class.getName());
      DeepgradClassificationModel model = new DeepgradClassificationModel(metadata.uid(), get(path, ModelFiles.WEIGHTS),
          get(path, ModelFiles.CARD));
      metadata.getAndSetParams(model, metadata.getAndSetParams$default$2());
      return model;
    }

    private byte[] get(String path, String name) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(path, "model"), name);
      try {
        FileSystem fs = file.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
        try (InputStream in = fs.open(file)) {
          return in.readAllBytes();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
