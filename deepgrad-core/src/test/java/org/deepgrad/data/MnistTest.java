package org.deepgrad.data;

import static org.deepgrad.data.IdxFiles.gzip;
import static org.deepgrad.data.IdxFiles.idx;
import static org.deepgrad.data.IdxFiles.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
  // Golden values computed independently (Python's gzip module on the same two files).
  private static final int[] TRAIN_COUNTS = {810, 913, 786, 805, 799, 685, 807, 862, 745, 788};
  private static final int[] TEST_COUNTS = {191, 214, 205, 227, 181, 178, 207, 208, 199, 190};
  private static final long PIXEL_SUM = 262_146_600L;
  private static final int FIRST_IMAGE_SUM = 24_984;

  private static Dataset digits;
  private static IdxData rawImages;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    digits = Mnist.tenK();
    try (InputStream in = Mnist.class.getResourceAsStream("mnist-10k/images-idx3-ubyte.gz")) {
      rawImages = IdxReader.read(in, "images");
    }
  }

  @Test
  void builtInSetHasTenThousand28x28Digits() {
    assertArrayEquals(new int[] {10_000, 28, 28}, rawImages.dims());
    assertEquals(10_000, digits.size());
    assertEquals(784, digits.inputSize());
    assertEquals(10, digits.classes());
    assertEquals(8, digits.labels()[0]);
  }

  @Test
  void pixelsAreBytesOver255() {
    float[] x = digits.features().data();
    long sum = 0;
    int firstBad = -1;
    for (int i = 0; i < x.length; i++) {
      boolean ok = x[i] >= 0f && x[i] <= 1f && Math.round(x[i] * 255f) == rawImages.unsigned(i);
      if (!ok && firstBad < 0) firstBad = i;
      sum += rawImages.unsigned(i);
    }
    assertEquals(-1, firstBad, "first pixel that is not its byte / 255 in [0, 1]");
    assertEquals(PIXEL_SUM, sum);
    long first = 0;
    for (int i = 0; i < 784; i++) first += rawImages.unsigned(i);
    assertEquals(FIRST_IMAGE_SUM, first);
  }

  @Test
  void fixedSplitHasEveryClassOnBothSides() {
    Dataset.Split s = Mnist.trainTest();
    assertEquals(8_000, s.train().size());
    assertEquals(2_000, s.test().size());
    assertArrayEquals(TRAIN_COUNTS, s.train().classCounts());
    assertArrayEquals(TEST_COUNTS, s.test().classCounts());
    assertEquals(digits.features().data()[8_000 * 784 + 300], s.test().features().data()[300]);
  }

  @Test
  void shippedFilesMatchTheChecksumsInNotice() throws Exception {
    assertEquals("17b29ca7252d97db72a93d459c132194756038d12a774a74f710f486278bb746", sha256("images-idx3-ubyte.gz"));
    assertEquals("1ae35ffa147db1bd3581a0345c387157713046a526f96bb73921cb45ec732494", sha256("labels-idx1-ubyte.gz"));
  }

  @Test
  void loadsAnyIdxPairFromFiles() throws IOException {
    Path images = write("imgs.gz", gzip(idx(ramp(3 * 4 * 5), 3, 4, 5)));
    Path labels = write("labels.idx", idx(new byte[] {9, 0, 4}, 3));
    Dataset d = Mnist.load(images, labels);
    assertEquals(3, d.size());
    assertEquals(20, d.inputSize());
    assertArrayEquals(new int[] {9, 0, 4}, d.labels());
    assertEquals(59 / 255f, d.features().get(2, 19));
  }

  @Test
  void countMismatchNamesBothFiles() throws IOException {
    Path images = write("five.idx", idx(new byte[5 * 4], 5, 2, 2));
    Path labels = write("four.idx", idx(new byte[4], 4));
    String m = assertThrows(IdxFormatException.class, () -> Mnist.load(images, labels)).getMessage();
    assertTrue(m.startsWith(labels.toString()) && m.contains(images.toString()), m);
    assertTrue(m.contains("found 4 labels; expected 5"), m);
  }

  @Test
  void labelOutOfRangeNamesItsOffset() throws IOException {
    Path images = write("three.idx", idx(new byte[3 * 4], 3, 2, 2));
    Path labels = write("bad-label.idx", idx(new byte[] {1, 10, 2}, 3));
    String m = assertThrows(IdxFormatException.class, () -> Mnist.load(images, labels)).getMessage();
    assertTrue(m.startsWith(labels.toString()), m);
    assertTrue(m.contains("byte offset 9 (label 1): found 10; expected a class index below 10"), m);
  }

  @Test
  void swappedFilesAreCalledOut() throws IOException {
    Path images = write("images.idx", idx(new byte[3 * 4], 3, 2, 2));
    Path labels = write("labels.idx", idx(new byte[3], 3));
    String m = assertThrows(IdxFormatException.class, () -> Mnist.load(labels, images)).getMessage();
    assertTrue(m.startsWith(labels.toString()) && m.contains("not swapped"), m);
    String m2 = assertThrows(IdxFormatException.class, () -> Mnist.load(images, images)).getMessage();
    assertTrue(m2.contains("expected labels [n]"), m2);
  }

  private static String sha256(String resource) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = new DigestInputStream(Mnist.class.getResourceAsStream("mnist-10k/" + resource), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
