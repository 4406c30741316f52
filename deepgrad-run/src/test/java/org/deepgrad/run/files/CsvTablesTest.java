package org.deepgrad.run.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV files deepgrad writes read back as written: quoting where a field needs it, and only there. */
class CsvTablesTest {
  @TempDir
  Path dir;

  @Test
  void fieldsWithCommasQuotesAndLineBreaksReadBackAsWritten() throws IOException {
    List<String> header = List.of("cell", "message", "n");
    List<List<String>> rows = List.of(List.of("a", "plain", "1"), List.of("b,c", "say \"hi\"", ""),
        List.of("d", "two\nlines", "3.5"));
    String text = CsvTables.text(header, rows);
    assertEquals("cell,message,n\na,plain,1\n\"b,c\",\"say \"\"hi\"\"\",\nd,\"two\nlines\",3.5\n", text);
    Path file = dir.resolve("t.csv");
    Files.writeString(file, text);
    List<Map<String, String>> read = CsvTables.read(file);
    assertEquals(3, read.size());
    assertEquals(Map.of("cell", "b,c", "message", "say \"hi\"", "n", ""), read.get(1));
    assertEquals("two\nlines", read.get(2).get("message"));
  }

  @Test
  void aShortRowReadsAsEmptyFieldsAndAMissingFileAsNoRows() throws IOException {
    Path file = dir.resolve("short.csv");
    Files.writeString(file, "a,b,c\n1,2\n\n3,4,5\n");
    assertEquals(List.of(Map.of("a", "1", "b", "2", "c", ""), Map.of("a", "3", "b", "4", "c", "5")),
        CsvTables.read(file));
    assertEquals(List.of(), CsvTables.read(dir.resolve("missing.csv")));
  }
}
