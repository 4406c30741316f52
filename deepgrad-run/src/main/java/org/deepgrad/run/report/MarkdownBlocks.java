package org.deepgrad.run.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown that deepgrad's own report.md files use, as HTML, so a page can carry the same text: a
 * line starting with {@code #} is a heading ({@code #} and {@code ##} become h2, deeper ones h3), lines
 * starting with {@code |} a table (the first row the header, the {@code | --- |} row skipped, {@code \|}
 * a pipe inside a cell), lines starting with {@code - } a list, other lines paragraphs up to a blank
 * line; inside them {@code `code`} and {@code **bold**}. Everything else is text, escaped: this is not a
 * general Markdown reader.
 */
final class MarkdownBlocks {
  private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*");
  private static final Pattern RULE = Pattern.compile("\\|(\\s*:?-+:?\\s*\\|)+");

  private MarkdownBlocks() {}

  static String html(String markdown) {
    StringBuilder out = new StringBuilder();
    List<String> block = new ArrayList<>();
    char kind = ' ';
    for (String line : (markdown + "\n\n").lines().toList()) {
      char k = line.isBlank() ? ' ' : line.startsWith("#") ? '#' : line.startsWith("|") ? '|'
          : line.startsWith("- ") ? '-' : 'p';
      if (k != kind || k == '#') {
        flush(out, kind, block);
        block.clear();
        kind = k;
      }
      if (k != ' ' && !(k == '|' && RULE.matcher(line.strip()).matches())) block.add(line.strip());
    }
    return out.toString();
  }

  private static void flush(StringBuilder out, char kind, List<String> lines) {
    if (lines.isEmpty()) return;
    switch (kind) {
      case '#' -> {
        String h = lines.get(0).startsWith("###") ? "h3" : "h2";
        out.append('<').append(h).append('>').append(inline(lines.get(0).replaceFirst("^#+\\s*", ""))).append("</")
            .append(h).append(">\n");
      }
      case '|' -> {
        List<List<String>> rows = new ArrayList<>();
        for (String l : lines) rows.add(cells(l));
        out.append(ReportPage.tableHtml(rows.get(0), rows.subList(1, rows.size()), MarkdownBlocks::inline));
      }
      case '-' -> {
        out.append("<ul>");
        for (String l : lines) out.append("<li>").append(inline(l.substring(2))).append("</li>");
        out.append("</ul>\n");
      }
      default -> out.append("<p>").append(inline(String.join(" ", lines))).append("</p>\n");
    }
  }

  /** The cells of a table row {@code | a | b \| c |}: "a", "b | c". */
  static List<String> cells(String row) {
    String inner = row.substring(1, row.endsWith("|") && !row.endsWith("\\|") ? row.length() - 1 : row.length());
    List<String> cells = new ArrayList<>();
    for (String c : inner.split("(?<!\\\\)\\|", -1)) cells.add(c.strip().replace("\\|", "|"));
    return cells;
  }

  /** {@code text} escaped, with `code` and **bold** marked up. */
  static String inline(String text) {
    Matcher m = INLINE.matcher(text);
    StringBuilder b = new StringBuilder();
    int at = 0;
    while (m.find()) {
      b.append(ReportPage.escape(text.substring(at, m.start())));
      b.append(m.group(1) != null ? "<code>" + ReportPage.escape(m.group(1)) + "</code>"
          : "<strong>" + ReportPage.escape(m.group(2)) + "</strong>");
      at = m.end();
    }
    return b.append(ReportPage.escape(text.substring(at))).toString();
  }
}
