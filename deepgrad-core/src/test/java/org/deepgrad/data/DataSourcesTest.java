package org.deepgrad.data;

import static org.deepgrad.data.IdxFiles.gzip;
import static org.deepgrad.data.IdxFiles.idx;
import static org.deepgrad.data.IdxFiles.ramp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
  @TempDir Path dir;

  /** Four small MNIST-style files: 3 training and 2 test images of 2x2 pixels, gzipped. */
  private static final Map<String, byte[]> FAKE = Map.of(
      "train-images-idx3-ubyte.gz", gzip(idx(ramp(12), 3, 2, 2)),
      "train-labels-idx1-ubyte.gz", gzip(idx(new byte[] {5, 0, 9}, 3)),
      "t10k-images-idx3-ubyte.gz", gzip(idx(ramp(8), 2, 2, 2)),
      "t10k-labels-idx1-ubyte.gz", gzip(idx(new byte[] {1, 7}, 2)));

  private static void checkFake(Dataset.Split s) {
    assertEquals(3, s.train().size());
    assertEquals(4, s.train().inputSize());
    assertArrayEquals(new int[] {5, 0, 9}, s.train().labels());
    assertArrayEquals(new int[] {1, 7}, s.test().labels());
    assertEquals(11 / 255f, s.train().features().get(2, 3));
  }

  private void writeFake(Path d, boolean stripGz) throws IOException {
    Files.createDirectories(d);
    for (var e : FAKE.entrySet()) {
      String name = stripGz ? e.getKey().replace(".gz", "") : e.getKey();
      Files.write(d.resolve(name), e.getValue()); // still gzipped inside: the reader goes by content
    }
  }

  private Map<String, String> fakeChecksums() throws Exception {
    Map<String, String> sums = new HashMap<>();
    for (var e : FAKE.entrySet()) sums.put(e.getKey(), DownloadTest.sha256(e.getValue()));
    return sums;
  }

  @Test
  void missingFashionMnistSaysWhereItLookedAndHowToGetIt() {
    Path empty = dir.resolve("empty");
    Path absent = dir.resolve("absent");
    empty.toFile().mkdirs();
    String m = assertThrows(FileNotFoundException.class, () -> DataSources.fashionMnist(List.of(empty, absent))).getMessage();
    assertTrue(m.startsWith("Fashion-MNIST not found"), m);
    assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("t10k-labels-idx1-ubyte.gz"), m);
    assertTrue(m.contains(empty.toString()) && m.contains(absent + " (no such directory)"), m);
    assertTrue(m.contains("apt-get install dataset-fashion-mnist") && m.contains("/usr/share/datasets/fashion-mnist"), m);
    assertTrue(m.contains("github.com/zalandoresearch/fashion-mnist"), m);
  }

  @Test
  void fashionMnistLoadsFromTheDataDirectory() throws IOException {
    writeFake(dir.resolve("fashion-mnist"), true);
    checkFake(DataSources.load("fashion-mnist", DataOptions.defaults().withDataDir(dir)));
    assertEquals(dir.resolve("fashion-mnist").resolve("t10k-labels-idx1-ubyte"),
        DataSources.locate("fashion-mnist", DataOptions.defaults().withDataDir(dir)).get(3));
  }

  @Test
  void aDataDirectoryIsTheOnlyPlaceLooked() throws Exception {
    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    // mnist in the cache (and a server to download from) is not used when a data directory is given
    writeFake(dir.resolve("cache").resolve("mnist"), false);
    DataOptions cached = DataOptions.defaults().withCacheDir(dir.resolve("cache")).withChecksums(fakeChecksums());
    checkFake(DataSources.load("mnist", cached));
    for (String name : List.of("mnist", "fashion-mnist")) {
      String m = assertThrows(FileNotFoundException.class,
          () -> DataSources.locate(name, cached.withDataDir(empty).withDownload(true))).getMessage();
      assertTrue(m.contains("not found in the data directory " + empty), m);
      assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("t10k-labels-idx1-ubyte.gz"), m);
      assertTrue(m.contains(empty.resolve(name) + " (no such directory)") && m.contains("give no data directory"), m);
    }
  }

  @Test
  void idxDirectoryInfersTheClassCountFromTheLabels() throws IOException {
    Path d = dir.resolve("emnist");
    writeFake(d, false);
    checkFake(DataSources.idx(d));
    assertEquals(10, DataSources.idx(d).train().classes());
    byte[] manyClasses = IdxFiles.gzip(IdxFiles.idx(new byte[] {46, 0, 3}, 3));
    Files.write(d.resolve("train-labels-idx1-ubyte.gz"), manyClasses);
    Dataset.Split s = DataSources.idx(d);
    assertEquals(47, s.train().classes(), "EMNIST balanced has labels 0-46");
    assertEquals(47, s.test().classes());
    assertArrayEquals(new int[] {46, 0, 3}, s.train().labels());
  }

  @Test
  void idxDirectoryWithoutTheFilesNamesThem() {
    String m = assertThrows(FileNotFoundException.class, () -> DataSources.idx(dir)).getMessage();
    assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains(dir.toString()), m);
  }

  @Test
  void builtInDigitsNeedNoFiles() throws IOException {
    Dataset.Split s = DataSources.load("mnist-10k", DataOptions.defaults());
    assertEquals(8_000, s.train().size());
    assertEquals(2_000, s.test().size());
    String m = assertThrows(IllegalArgumentException.class, () -> DataSources.load("cifar", DataOptions.defaults()))
        .getMessage();
    assertTrue(m.contains("[mnist-10k, fashion-mnist, mnist]"), m);
  }

  @Test
  void mnistFromTheDataDirectoryNeedsNoChecksums() throws IOException {
    writeFake(dir.resolve("data"), false);
    checkFake(DataSources.mnist(DataOptions.defaults().withDataDir(dir.resolve("data")).withCacheDir(dir.resolve("c"))));
  }

  @Test
  void missingMnistWithoutDownloadExplainsTheWaysToGetIt() {
    DataOptions o = DataOptions.defaults().withCacheDir(dir.resolve("cache"));
    String m = assertThrows(FileNotFoundException.class, () -> DataSources.load("mnist", o)).getMessage();
    assertTrue(m.startsWith("MNIST not found: no data directory was given; the cache "), m);
    assertTrue(m.contains("(no such directory) lacks train-images-idx3-ubyte.gz, train-labels"), m);
    assertTrue(m.contains("withDownload(true)") && m.contains(dir.resolve("cache").resolve("mnist").toString()), m);
    assertTrue(m.contains("https://ossci-datasets.s3.amazonaws.com/mnist/"), m);
    assertTrue(m.contains("'mnist-10k' needs no files"), m);
  }

  @Test
  void downloadFillsTheCacheOnceAndVerifiesItOnEveryUse() throws Exception {
    DataOptions o;
    try (FileServer server = new FileServer()) {
      FAKE.forEach((name, bytes) -> server.put("/mnist/" + name, bytes));
      o = DataOptions.defaults().withCacheDir(dir).withDownload(true).withMirrors(List.of(server.base("mnist")))
          .withChecksums(fakeChecksums());
      checkFake(DataSources.load("mnist", o));
      assertEquals(4, server.requests.get());
      checkFake(DataSources.load("mnist", o));
      assertEquals(4, server.requests.get(), "the second load reads the cache");
    }
    // Server gone: the cache alone serves; a damaged cached file is named when download is off.
    checkFake(DataSources.load("mnist", o.withDownload(false)));
    Files.write(dir.resolve("mnist/t10k-labels-idx1-ubyte.gz"), new byte[] {0});
    String m = assertThrows(FileNotFoundException.class, () -> DataSources.load("mnist", o.withDownload(false)))
        .getMessage();
    assertTrue(m.endsWith("mnist lacks t10k-labels-idx1-ubyte.gz (its SHA-256 is wrong: delete it). Allow the download"
        + " (DataOptions.withDownload(true)) to fetch them from [" + o.mirrors().get(0) + "] into the cache, or put the four"
        + " files in the data directory. The built-in 'mnist-10k' needs no files"), m);
  }

  @Test
  void aFileWithoutAKnownChecksumIsNotDownloaded() {
    DataOptions o = DataOptions.defaults().withCacheDir(dir).withDownload(true).withChecksums(Map.of());
    String m = assertThrows(IOException.class, () -> DataSources.load("mnist", o)).getMessage();
    assertTrue(m.contains("no SHA-256 is known for train-images-idx3-ubyte.gz"), m);
  }

  @Test
  void optionsRejectBadMirrorsAndChecksums() {
    DataOptions d = DataOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withMirrors(List.of(java.net.URI.create("ftp://x/"))));
    assertThrows(IllegalArgumentException.class, () -> d.withMirrors(List.of(java.net.URI.create("https://x/mnist"))));
    assertThrows(IllegalArgumentException.class, () -> d.withChecksums(Map.of("f", "abc")));
    assertEquals(4, DataOptions.MNIST_SHA256.size());
  }
}
