package org.deepgrad.cli;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.deepgrad.data.CsvFeatures;
import org.deepgrad.data.IdxData;
import org.deepgrad.data.IdxReader;
import org.deepgrad.tensor.Tensor;

/**
 * The raw inputs of {@code deepgrad predict}, one sample per row, before the model card's
 * preprocessing: an IDX file of unsigned-byte images (MNIST's {@code t10k-images-idx3-ubyte}: magic
 * {@code 0x00000803}, gzipped or not), each image flattened, pixels as floats 0-255; or else a CSV file
 * of raw feature values ({@link CsvFeatures}: optional header row, gzipped or not). The kind is told
 * by the content, not the name: an IDX file starts with two zero bytes, which no text file does.
 */
final class PredictInput {
  private PredictInput() {}

  /** The [n, inputs] raw features in {@code file}. */
  static Tensor read(Path file, int inputs) throws IOException {
    return isIdx(file) ? idx(file, inputs) : CsvFeatures.read(file, inputs);
  }

  /** Whether {@code file}, decompressed when it is gzip, starts as an IDX file does: two zero bytes. */
  private static boolean isIdx(Path file) throws IOException {
    try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      byte[] head = (gzip ? new GZIPInputStream(in) : in).readNBytes(2);
      return head.length == 2 && head[0] == 0 && head[1] == 0;
    } catch (ZipException | EOFException corrupt) {
      return false; // the CSV reader reports the broken gzip stream with its line
    }
  }

  private static Tensor idx(Path file, int inputs) throws IOException {
    IdxData images = IdxReader.read(file);
    int[] dims = images.dims();
    if (dims.length < 2) {
      throw new UsageException("--input " + file + " is an IDX file of dims " + Arrays.toString(dims) + ", one value "
          + "per item: a labels file, not images; give the images file (magic 0x00000803), e.g. "
          + "t10k-images-idx3-ubyte.");
    }
    if (images.itemSize() != inputs) {
      String shape = String.join("x", Arrays.stream(dims, 1, dims.length).mapToObj(String::valueOf).toList());
      throw new UsageException("--input " + file + " holds images of " + shape + " = " + images.itemSize()
          + " values each, but the model takes " + inputs + " inputs; give images of the size it was trained on.");
    }
    float[] x = new float[images.data().length];
    for (int i = 0; i < x.length; i++) x[i] = images.unsigned(i);
    return Tensor.of(x, images.count(), inputs);
  }
}
