package org.deepgrad.data;

import static org.deepgrad.data.DataFormatException.at;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields (RFC 4180 within a line): fields are separated by the delimiter;
 * a field wrapped in double quotes may contain the delimiter, and {@code ""} inside it stands for
 * one quote. Quoted fields spanning lines are not supported (numeric data has none).
 */
final class CsvFields {
  private CsvFields() {}

  static List<String> split(String line, char delimiter, String file, long lineNumber) throws DataFormatException {
    List<String> fields = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      int column = fields.size() + 1;
      int start = i;
      while (i < n && line.charAt(i) == ' ') i++;
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            throw at(file, lineNumber, column, "", "a quoted field that never closes", "a closing \"",
                "Close the quote, or write a quote inside a quoted field as \"\"");
          }
          char c = line.charAt(i++);
          if (c != '"') {
            sb.append(c);
          } else if (i < n && line.charAt(i) == '"') {
            sb.append('"');
            i++;
          } else {
            break;
          }
        }
        while (i < n && line.charAt(i) == ' ') i++;
        if (i < n && line.charAt(i) != delimiter) {
          throw at(file, lineNumber, column, "", "text after a closing quote: \"" + line.substring(start, Math.min(n, i + 10))
              + "\"", "the delimiter '" + delimiter + "' right after the quoted field", "Quote the whole field");
        }
        fields.add(sb.toString());
      } else {
        while (i < n && line.charAt(i) != delimiter) i++;
        fields.add(line.substring(start, i));
      }
      if (i >= n) return fields;
      i++; // the delimiter
    }
  }
}
