package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blank lines are skipped as bytes ({@code CsvLines.skipBlankLines}): the line numbers after them stay
 * right, whatever white space and line ends they hold and wherever the reading buffer cuts them, and a
 * gzip of nothing but blank lines is reported empty by the size check's counting pass.
 */
class CsvBlankLinesTest {
  @TempDir Path dir;

  private Path gzip(String name, String head, int blankLines, String blank, String tail) throws IOException {
    Path file = dir.resolve(name);
    byte[] line = blank.getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < blankLines; i++) out.write(line);
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  @Test
  void lineNumbersAfterManyBlankLinesAreRight() throws IOException {
    // 100,003 blank lines of 3 to 6 bytes: the 64 KiB buffer ends inside many of them.
    for (String blank : new String[] {"\n", "\r\n", " \t\r\n", "  \f\u000B\n"}) {
      Path file = gzip("blank.csv.gz", "x,y\n1,0\n", 100_003, blank, "2,1\noops,1\n");
      DataFormatException e = assertThrows(DataFormatException.class,
          () -> CsvReader.target("y").classificationMapped(file));
      assertTrue(e.getMessage().contains(", line 100007, column 1"), e.getMessage());
    }
  }

  @Test
  void rowsBetweenBlankLinesAreAllRead() throws IOException {
    Path file = gzip("rows.csv.gz", "x,y\n\n1,0\n", 70_000, " \n", "2,1\n\r\n3,0\n");
    Dataset d = CsvReader.target("y").classification(file, 2);
    assertArrayEquals(new float[] {1, 2, 3}, d.features().data());
  }

  @Test
  void aGzipOfBlankLinesIsEmptyFromTheCountingPass() throws IOException {
    Path file = gzip("blank.csv.gz", "", 1_000_000, "\n", "");
    CsvReader.Options o = new CsvReader.Options(java.util.List.of("y"), null, true, ',', CsvReader.DEFAULT_MAX_LINE_BYTES);
    // A free heap of 0 bytes makes the size check count the rows: that pass already finds the file empty.
    DataFormatException e = assertThrows(DataFormatException.class, () -> CsvSize.check(file, o, needed -> 0));
    assertEquals(file + ": found an empty file; expected a header row and data rows. Check the path: the file has no "
        + "line with content", e.getMessage());
  }
}
