package org.deepgrad.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deepgrad.autograd.NoGrad;
import org.deepgrad.backend.Backend;
import org.deepgrad.backend.Backends;
import org.deepgrad.backend.CpuInfo;
import org.deepgrad.data.Dataset;
import org.deepgrad.nn.ModelSpec;
import org.deepgrad.nn.Sequential;
import org.deepgrad.optim.OptimizerRegistry;
import org.deepgrad.tensor.Rng;
import org.deepgrad.tensor.Tensor;
import org.deepgrad.train.Objective;
import org.deepgrad.train.TrainStep;
import org.deepgrad.train.TrainerSettings;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * How the cost of a training step grows with the batch and the width: samples/s of the MLP
 * 784-W-W-10 (ReLU, SGD lr 0.01, cross-entropy; the step of {@code bench}, {@link TrainStep}) for every
 * batch size and width given, on each thread count given, and the rows/s of a prediction over 10,000
 * rows (evaluation mode, no tape, {@link Objective#EVAL_CHUNK} rows per forward pass, as {@code predict}
 * computes its outputs). Each figure is the median of {@value #WINDOWS} windows of at least
 * {@value #WINDOW_SECONDS} s after a warm-up of as long. Prints a table (CSV) and, with
 * {@code --chart FILE}, draws the step's matrix-product GFLOP/s (samples/s × FLOP per sample) against the
 * batch size, per width and thread count, as a PNG.
 *
 * <p>Run: {@code java -cp "deepgrad-bench/target/classes:$(cat deepgrad-bench/target/classpath.txt)"
 * org.deepgrad.bench.ScalingSweep [--threads 1,2] [--batches 16,...,1024] [--widths 64,...,2048]
 * [--chart docs/scaling.png]}
 */
public final class ScalingSweep {
  private static final int WINDOWS = 3;
  private static final double WINDOW_SECONDS = 0.4;
  private static final int INPUTS = 784;
  private static final int CLASSES = 10;
  private static final int PREDICT_ROWS = 10_000;
  private static final int BATCHES = 4;
  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

  private ScalingSweep() {}

  /** One measured point. */
  record Point(int threads, int width, int batch, double samplesPerSecond) {}

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
    int[] threads = {1, 2};
    int[] batches = {16, 32, 64, 128, 256, 512, 1024};
    int[] widths = {64, 128, 256, 512, 1024, 2048};
    String chart = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--threads" -> threads = ints(args[i + 1]);
        case "--batches" -> batches = ints(args[i + 1]);
        case "--widths" -> widths = ints(args[i + 1]);
        case "--chart" -> chart = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --threads, --batches, --widths, --chart");
      }
    }
    Backend backend = Backends.current();
    System.out.printf(Locale.ROOT, "# %s; %s; Java %s; load average %.2f%n", CpuInfo.describe(), backend.describe(),
        Runtime.version(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println("threads,width,batch,samples_per_s,us_per_sample,gflops");
    List<Point> points = new ArrayList<>();
    for (int t : threads) {
      backend.setThreads(t);
      for (int w : widths) {
        for (int b : batches) {
          double sps = train(w, b);
          points.add(new Point(t, w, b, sps));
          System.out.printf(Locale.ROOT, "%d,%d,%d,%.0f,%.2f,%.1f%n", t, w, b, sps, 1e6 / sps,
              sps * flopsPerSample(w) / 1e9);
        }
      }
    }
    System.out.println("threads,width,predict_rows_per_s,us_per_row");
    for (int t : threads) {
      backend.setThreads(t);
      for (int w : widths) {
        double rps = predict(w);
        System.out.printf(Locale.ROOT, "%d,%d,%.0f,%.3f%n", t, w, rps, 1e6 / rps);
      }
    }
    System.out.printf(Locale.ROOT, "# load average after: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (chart != null) draw(points, new File(chart));
  }

  /** Matrix-product FLOP of one training sample: forward and weight gradient of every layer, input gradient of all but the first. */
  static double flopsPerSample(int w) {
    double macs = 2.0 * INPUTS * w + 3.0 * w * w + 3.0 * w * CLASSES;
    return 2 * macs;
  }

  private static Sequential model(int width) {
    return ModelSpec.mlp(INPUTS, new int[] {width, width}, CLASSES, "relu", null, false, 0, false).build(new Rng(1));
  }

  /** Median samples/s of training steps at this width and batch size. */
  private static double train(int width, int batch) {
    Sequential model = model(width);
    model.train(true);
    TrainStep<Dataset> step = new TrainStep<>(model, Objective.classification(),
        OptimizerRegistry.create("sgd", java.util.Map.of("lr", 0.01), model.namedParameters()), TrainerSettings.defaults());
    Rng rng = new Rng(2);
    Dataset[] data = new Dataset[BATCHES];
    for (int i = 0; i < BATCHES; i++) {
      float[] x = new float[batch * INPUTS];
      for (int j = 0; j < x.length; j++) x[j] = rng.nextFloat();
      int[] y = new int[batch];
      for (int j = 0; j < batch; j++) y[j] = rng.nextInt(CLASSES);
      data[i] = new Dataset(Tensor.of(x, batch, INPUTS), y, CLASSES);
    }
    long[] counter = {0};
    Runnable one = () -> {
      long s = ++counter[0];
      TrainStep.Outcome o = step.run(data[(int) (s % BATCHES)], s);
      if (o.nonFinite() != null) throw new IllegalStateException("non-finite " + o.nonFinite());
    };
    return batch * rate(one);
  }

  /** Median rows/s of predicting {@value #PREDICT_ROWS} rows as {@code predict} does. */
  private static double predict(int width) {
    Sequential model = model(width);
    model.eval();
    float[] x = new float[PREDICT_ROWS * INPUTS];
    Rng rng = new Rng(3);
    for (int j = 0; j < x.length; j++) x[j] = rng.nextFloat();
    Runnable one = () -> {
      try (NoGrad scope = NoGrad.enter()) {
        for (int from = 0; from < PREDICT_ROWS; from += Objective.EVAL_CHUNK) {
          int to = Math.min(PREDICT_ROWS, from + Objective.EVAL_CHUNK);
          model.forward(Tensor.of(Arrays.copyOfRange(x, from * INPUTS, to * INPUTS), to - from, INPUTS));
        }
      }
    };
    return PREDICT_ROWS * rate(one);
  }

  /** Calls per second of {@code call}: a warm-up, then the median of the windows. */
  private static double rate(Runnable call) {
    window(call);
    double[] rates = new double[WINDOWS];
    for (int i = 0; i < WINDOWS; i++) rates[i] = window(call);
    Arrays.sort(rates);
    return rates[WINDOWS / 2];
  }

  /** Calls per second over at least {@value #WINDOW_SECONDS} s (at least 3 calls). */
  private static double window(Runnable call) {
    long start = System.nanoTime();
    long end = start + (long) (WINDOW_SECONDS * 1e9);
    int n = 0;
    long now;
    do {
      call.run();
      n++;
      now = System.nanoTime();
    } while (now < end || n < 3);
    return n / ((now - start) / 1e9);
  }

  private static void draw(List<Point> points, File file) throws IOException {
    XYSeriesCollection series = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int[] widths = points.stream().mapToInt(Point::width).distinct().toArray();
    for (int t : points.stream().mapToInt(Point::threads).distinct().toArray()) {
      for (int wi = 0; wi < widths.length; wi++) {
        int w = widths[wi];
        XYSeries s = new XYSeries("width " + w + ", " + t + " thread" + (t == 1 ? "" : "s"));
        for (Point p : points) {
          if (p.threads() == t && p.width() == w) s.add(p.batch(), p.samplesPerSecond() * flopsPerSample(w) / 1e9);
        }
        series.addSeries(s);
        int i = series.getSeriesCount() - 1;
        renderer.setSeriesPaint(i, COLORS[wi % COLORS.length]); // one colour per width
        if (t > 1) renderer.setSeriesStroke(i, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f));
      }
    }
    LogAxis batch = new LogAxis("batch size (samples per step)");
    batch.setBase(2);
    batch.setTickUnit(new NumberTickUnit(1)); // one tick per power of 2
    batch.setNumberFormatOverride(new DecimalFormat("0"));
    NumberAxis rate = new NumberAxis("GFLOP/s of the matrix products in a training step (samples/s × FLOP per sample)");
    XYPlot plot = new XYPlot(series, batch, rate, renderer);
    JFreeChart chart = new JFreeChart("MLP 784-W-W-10, SGD step by batch size and width (solid: 1 thread, dashed: 2)",
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartUtils.saveChartAsPNG(file, chart, 1000, 650);
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }
}
