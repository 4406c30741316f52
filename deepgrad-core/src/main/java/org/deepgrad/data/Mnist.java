package org.deepgrad.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * MNIST-style digits as a {@link Dataset}: each 28x28 image flattened to 784 features scaled to
 * [0, 1] by {@code pixel / 255} (as torchvision's {@code ToTensor}), labels 0-9.
 *
 * <p>{@link #tenK()} loads the 10,000 digits built into deepgrad-core (provenance in NOTICE and
 * docs/datasets.md); they are shuffled with a fixed seed, so the fixed {@link #trainTest()} split
 * (first 8,000 train, last 2,000 test) has all ten classes on both sides. {@link #load(Path, Path)}
 * reads any IDX pair of the same format, such as MNIST itself or Fashion-MNIST; {@link DataSources}
 * finds (or downloads) those by name.
 */
public final class Mnist {
  /** Number of classes (digits 0-9). */
  public static final int CLASSES = 10;
  /** Samples in the training part of {@link #trainTest()}; the remaining 2,000 are the test part. */
  public static final int TRAIN_SIZE = 8_000;
  private static final String IMAGES = "mnist-10k/images-idx3-ubyte.gz";
  private static final String LABELS = "mnist-10k/labels-idx1-ubyte.gz";

  private Mnist() {}

  /** The 10,000 built-in digits: features [10000, 784] in [0, 1], labels 0-9. A fresh copy each call. */
  public static Dataset tenK() {
    try {
      return fromIdx(resource(IMAGES), resource(LABELS));
    } catch (IOException e) {
      throw new UncheckedIOException("the built-in MNIST digits could not be read from deepgrad-core's class path ("
          + e.getMessage() + "); the jar is damaged, rebuild or reinstall deepgrad-core", e);
    }
  }

  /** The built-in digits split in order: the first 8,000 for training, the last 2,000 for testing. */
  public static Dataset.Split trainTest() {
    return tenK().split(TRAIN_SIZE);
  }

  /** Reads an images file (magic 2051, [n, rows, cols]) and its labels file (magic 2049, [n]). */
  public static Dataset load(Path images, Path labels) throws IOException {
    return fromIdx(IdxReader.read(images), IdxReader.read(labels));
  }

  /**
   * Builds the data set from IDX contents, checking that the images are [n, rows, cols], the labels
   * [n] with the same n, and every label is a digit 0-9.
   */
  public static Dataset fromIdx(IdxData images, IdxData labels) throws IdxFormatException {
    return fromIdx(images, labels, CLASSES);
  }

  /**
   * As {@link #fromIdx(IdxData, IdxData)} for a set of {@code classes} classes (EMNIST has 27, 47 or
   * 62): every label must be below it. Images are flattened row by row as stored (EMNIST stores
   * them transposed, which changes nothing for a dense network).
   */
  public static Dataset fromIdx(IdxData images, IdxData labels, int classes) throws IdxFormatException {
    if (images.dims().length != 3) {
      throw new IdxFormatException(images.name() + ", header: found dims " + Arrays.toString(images.dims())
          + "; expected images [n, rows, cols] (magic 0x00000803). Check that the images and labels files are not swapped.");
    }
    if (labels.dims().length != 1) {
      throw new IdxFormatException(labels.name() + ", header: found dims " + Arrays.toString(labels.dims())
          + "; expected labels [n] (magic 0x00000801). Check that the images and labels files are not swapped.");
    }
    int n = images.count();
    if (labels.count() != n) {
      throw new IdxFormatException(labels.name() + ", byte offset 4 (label count): found " + labels.count()
          + " labels; expected " + n + ", the image count of " + images.name()
          + ". The two files are not a pair: use the labels file that belongs to these images.");
    }
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = labels.unsigned(i);
      if (y[i] >= classes) {
        throw new IdxFormatException(labels.name() + ", byte offset " + (8 + i) + " (label " + i + "): found "
            + y[i] + "; expected a class index below " + classes + ". The labels file is damaged or not of this data set; download it again.");
      }
    }
    return new Dataset(Transforms.scaleBytes(images), y, classes);
  }

  private static IdxData resource(String name) throws IOException {
    try (InputStream in = Mnist.class.getResourceAsStream(name)) {
      if (in == null) throw new IOException("resource org/deepgrad/data/" + name + " not found");
      return IdxReader.read(in, "classpath:org/deepgrad/data/" + name);
    }
  }
}
