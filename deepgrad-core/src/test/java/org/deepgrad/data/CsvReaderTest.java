package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir Path dir;

  @Test
  void classificationByNameTakesEveryOtherColumnAsAFeature() throws IOException {
    Path f = write("iris.csv", "x1,label,x2\n0.5,2,1e-3\n-1.25, 0 ,+4\n\n7,1.0,8\n");
    Dataset d = CsvReader.target("label").classification(f, 3);
    assertEquals(3, d.size());
    assertEquals(2, d.inputSize());
    assertArrayEquals(new float[] {0.5f, 1e-3f, -1.25f, 4, 7, 8}, d.features().data());
    assertArrayEquals(new int[] {2, 0, 1}, d.labels(), "\"1.0\" is class 1; blank lines are skipped");
    assertEquals(3, d.classes());
  }

  @Test
  void byIndexWithoutHeaderQuotesSemicolonsCrlfBomAndGzip() throws IOException {
    Path f = write("plain.csv", "\uFEFF1;\"2\";0\r\n3;\" 4 \";1\r\n");
    Dataset d = CsvReader.targetIndex(2).withoutHeader().delimiter(';').classification(f, 2);
    assertArrayEquals(new float[] {1, 2, 3, 4}, d.features().data());
    assertArrayEquals(new int[] {0, 1}, d.labels());
    Path gz = Files.write(dir.resolve("h.csv.gz"), IdxFiles.gzip("\uFEFFa,\"b,c\"\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    Regression r = CsvReader.target("b,c").regression(gz);
    assertArrayEquals(new float[] {1}, r.features().data());
    assertArrayEquals(new float[] {2}, r.targets().data());
  }

  @Test
  void mappedLabelsAreSortedDistinctValues() throws IOException {
    Path f = write("m.csv", "x,species\n1,virginica\n2,setosa\n3,\"versicolor\"\n4,setosa\n");
    CsvReader.Mapped m = CsvReader.target("species").classificationMapped(f);
    assertEquals(List.of("setosa", "versicolor", "virginica"), m.classNames());
    assertArrayEquals(new int[] {2, 0, 1, 0}, m.data().labels());
    Path g = write("n.csv", "x,y\n1,10\n2,9\n3,-1\n4,10\n");
    CsvReader.Mapped n = CsvReader.target("y").classificationMapped(g);
    assertEquals(List.of("-1", "9", "10"), n.classNames(), "numbers sort by value, not as text");
    assertArrayEquals(new int[] {2, 1, 0, 2}, n.data().labels());
  }

  @Test
  void regressionTakesTargetsInTheOrderGiven() throws IOException {
    Path f = write("r.csv", "y2,x,y1\n1,2,3\n4,5,6\n");
    Regression r = CsvReader.target("y1", "y2").regression(f);
    assertArrayEquals(new int[] {2, 1}, r.features().shape().dims());
    assertArrayEquals(new float[] {3, 1, 6, 4}, r.targets().data());
  }

  /** Reads {@code content} and checks the error's line, column and message fragments. */
  private DataFormatException fails(String content, CsvRead read, long line, int column, String... parts) throws IOException {
    Path f = write("bad.csv", content);
    DataFormatException e = assertThrows(DataFormatException.class, () -> read.apply(f));
    String m = e.getMessage();
    assertEquals(line, e.line(), m);
    assertEquals(column, e.column(), m);
    assertTrue(m.startsWith(f.toString()), m);
    if (line > 0) assertTrue(m.contains("line " + line + (column > 0 ? ", column " + column : "")), m);
    for (String p : parts) assertTrue(m.contains(p), "missing <" + p + "> in: " + m);
    return e;
  }

  interface CsvRead {
    Object apply(Path f) throws IOException;
  }

  private static final CsvRead LABEL3 = f -> CsvReader.target("label").classification(f, 3);
  private static final CsvRead REGRESSION = f -> CsvReader.target("y").regression(f);

  @Test
  void emptyFilesAndHeaderOnlyFiles() throws IOException {
    fails("", LABEL3, 0, 0, "an empty file", "header row");
    fails("\n  \n", LABEL3, 0, 0, "an empty file");
    fails("x,label\n\n", LABEL3, 0, 0, "no data rows after the header");
  }

  @Test
  void raggedRowsNameTheFieldCounts() throws IOException {
    fails("x1,x2,label\n1,2,0\n3,4\n", LABEL3, 3, 3, "found 2 fields", "expected 3 fields as in the header (line 1)");
    fails("x1,x2,label\n1,2,0,9\n", LABEL3, 2, 4, "found 4 fields");
  }

  @Test
  void nonNumericValuesQuoteTheText() throws IOException {
    fails("x1,x2,label\n1,2,0\n1,abc,0\n", LABEL3, 3, 2, "column \"x2\"", "found \"abc\"", "expected a number");
    fails("x,y\n1,2\n1, \n", REGRESSION, 3, 2, "column \"y\"", "an empty field");
    fails("x,y\n2f,1\n", REGRESSION, 2, 1, "found \"2f\"");
    fails("x,y\n0x1p3,1\n", REGRESSION, 2, 1, "found \"0x1p3\"");
    fails("x,y\n1.2.3,1\n", REGRESSION, 2, 1, "found \"1.2.3\"");
  }

  @Test
  void nanAndInfinityAreRejected() throws IOException {
    fails("x,y\n1,2\n3,NaN\n", REGRESSION, 3, 2, "found \"NaN\"", "expected a finite number", "impute or drop");
    fails("x,y\n-Infinity,2\n", REGRESSION, 2, 1, "found \"-Infinity\"", "a finite number");
    fails("x,y\ninf,2\n", REGRESSION, 2, 1, "a finite number");
    fails("x,y\n1e39,2\n", REGRESSION, 2, 1, "found \"1e39\"", "float32 range");
  }

  @Test
  void labelsOutOfRangeOrNotIntegers() throws IOException {
    fails("x,label\n1,0\n2,3\n", LABEL3, 3, 2, "label \"3\"", "an integer class index in [0, 3)", "classificationMapped");
    fails("x,label\n1,1.5\n", LABEL3, 2, 2, "label \"1.5\"");
    fails("x,label\n1,-1\n", LABEL3, 2, 2, "label \"-1\"");
    fails("x,label\n1,cat\n", LABEL3, 2, 2, "found label \"cat\"", "classificationMapped");
  }

  @Test
  void unknownDuplicatedOrMissingColumns() throws IOException {
    fails("x,Label\n1,0\n", LABEL3, 1, 0, "no column named \"label\"", "[x, Label]");
    fails("label,label\n1,0\n", LABEL3, 1, 0, "two columns named \"label\"");
    fails("x\n1\n", f -> CsvReader.targetIndex(1).classification(f, 2), 1, 0, "target index 1 in a file of 1 columns");
    fails("label\n1\n", LABEL3, 1, 0, "at least one feature column");
  }

  @Test
  void quotingErrors() throws IOException {
    fails("x,label\n\"1,0\n", LABEL3, 2, 1, "a quoted field that never closes");
    fails("x,label\n\"1\"2,0\n", LABEL3, 2, 1, "text after a closing quote");
  }

  @Test
  void longLinesFailWithoutReadingThemWhole() throws IOException {
    fails("x,label\n1,0\n" + "1".repeat(200) + ",0\n", f -> CsvReader.target("label").maxLineBytes(100).classification(f, 3),
        3, 0, "a line longer than 100 bytes", "maxLineBytes");
    // The default bound: a 9 MB line with no newline is an error, not an attempt to hold it.
    Path big = dir.resolve("big.csv");
    Files.write(big, ("x,label\n" + "7".repeat(9 << 20)).getBytes(StandardCharsets.US_ASCII));
    DataFormatException e = assertThrows(DataFormatException.class, () -> LABEL3.apply(big));
    assertTrue(e.getMessage().contains("longer than 8388608 bytes"), e.getMessage());
    assertEquals(2, e.line());
  }

  @Test
  void invalidUtf8AndCorruptGzipNameTheLine() throws IOException {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, IdxFiles.concat("x,label\n1,0\n".getBytes(StandardCharsets.US_ASCII), new byte[] {'2', ',', (byte) 0xE9,
        '\n'}));
    DataFormatException e = assertThrows(DataFormatException.class, () -> LABEL3.apply(f));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    byte[] gz = IdxFiles.gzip("x,label\n1,0\n2,1\n".getBytes(StandardCharsets.US_ASCII));
    Path cut = Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(gz, gz.length - 6));
    e = assertThrows(DataFormatException.class, () -> LABEL3.apply(cut));
    assertTrue(e.getMessage().contains("corrupt or truncated gzip"), e.getMessage());
  }

  @Test
  void settingsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> CsvReader.target("a").withoutHeader());
    assertThrows(IllegalArgumentException.class, () -> CsvReader.target());
    assertThrows(IllegalArgumentException.class, () -> CsvReader.target("a").delimiter('"'));
    assertThrows(IllegalArgumentException.class, () -> CsvReader.target("a", "b").classification(dir.resolve("x"), 2));
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }
}
