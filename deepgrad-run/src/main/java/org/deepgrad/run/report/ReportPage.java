package org.deepgrad.run.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.deepgrad.io.AtomicFiles;
import org.deepgrad.run.files.RunContents;
import org.jfree.chart.JFreeChart;

/**
 * A self-contained HTML report: headings, paragraphs, tables and charts, every chart embedded as a
 * {@code data:image/png} URI (the page opens offline, with nothing beside it) and also written as
 * {@code charts/NAME.png}. An inline script marks {@code <body data-charts="ok N">} once all N images
 * have loaded with a width (else {@code "broken K of N"}), which scripts/check-report.sh reads in
 * headless chromium.
 *
 * <pre>{@code
 * ReportPage page = new ReportPage("sweep results");
 * page.heading("Loss").chart("loss", "Training loss per cell.", Charts.lineChart(...));
 * page.write(dir, "report.html");   // dir/report.html and dir/charts/loss.png
 * }</pre>
 */
public final class ReportPage {
  /** The folder of the PNG files, beside the page. */
  public static final String CHARTS = RunContents.CHARTS;
  private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;"
      + "padding:0 1em;color:#222}h1{font-size:1.6em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}"
      + "table{border-collapse:collapse;margin:.5em 0;display:block;overflow-x:auto;max-width:100%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;"
      + "vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1em 0}"
      + "img{max-width:100%;border:1px solid #eee}figcaption{color:#555;font-size:.9em}pre{background:#f6f6f6;"
      + "padding:.6em;overflow:auto;font-size:.85em}.error{color:#b00020}.warning{color:#b26a00}.info{color:#1565c0}"
      + ".note{background:#fff8e1;padding:.5em .8em;border-left:4px solid #ffb300}"
      + "figure.small{display:inline-block;width:calc(50% - .8em);margin:.5em .5em .5em 0;vertical-align:top}"
      + "td.yes{color:#1b5e20;font-weight:bold}td.no{color:#b00020;font-weight:bold}";
  private static final String SCRIPT = "window.addEventListener('load',function(){var i=Array.from(document.images);"
      + "var bad=i.filter(function(m){return !(m.complete&&m.naturalWidth>0);}).length;"
      + "document.body.dataset.charts=bad===0?'ok '+i.length:'broken '+bad+' of '+i.length;});";

  private final String title;
  private final StringBuilder body = new StringBuilder();
  private final Map<String, byte[]> charts = new LinkedHashMap<>();

  /** An empty page titled {@code title}. */
  public ReportPage(String title) {
    this.title = title;
  }

  /** A section heading. */
  public ReportPage heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  /** A paragraph of plain text (escaped). */
  public ReportPage text(String paragraph) {
    body.append("<p>").append(escape(paragraph)).append("</p>\n");
    return this;
  }

  /** HTML written by the caller, as it is: build it with {@link #escape} around every value. */
  public ReportPage html(String html) {
    body.append(html).append('\n');
    return this;
  }

  /** Markdown as {@link MarkdownBlocks} reads it: headings, paragraphs, lists, tables, `code` and **bold**. */
  public ReportPage markdown(String text) {
    body.append(MarkdownBlocks.html(text));
    return this;
  }

  /** A preformatted block (escaped), e.g. a configuration file. */
  public ReportPage pre(String text) {
    body.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  /**
   * A table with a header row; cells are escaped, those that parse as numbers are right-aligned, and
   * a cell that is just "yes" or "no" is marked green or red (a verdict).
   */
  public ReportPage table(List<String> head, List<List<String>> rows) {
    body.append(tableHtml(head, rows, ReportPage::escape));
    return this;
  }

  /** A table as {@link #table}, each cell's HTML made by {@code cell} from its text. */
  static String tableHtml(List<String> head, List<List<String>> rows, UnaryOperator<String> cell) {
    StringBuilder b = new StringBuilder("<table><tr>");
    head.forEach(h -> b.append("<th>").append(cell.apply(h)).append("</th>"));
    b.append("</tr>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (String c : row) {
        String kind = numeric(c) ? "n" : c.equals("yes") || c.equals("no") ? c : null;
        b.append(kind == null ? "<td>" : "<td class=\"" + kind + "\">").append(cell.apply(c)).append("</td>");
      }
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  /**
   * A chart rendered at {@link Charts#WIDTH} x {@link Charts#HEIGHT}, embedded with its caption and
   * written as {@code charts/NAME.png}.
   *
   * @param name the file name without extension: letters, digits, '-' and '_'
   */
  public ReportPage chart(String name, String caption, JFreeChart chart) {
    return chart(name, caption, chart, Charts.WIDTH, Charts.HEIGHT);
  }

  /** A chart at {@link Charts#SMALL_WIDTH} x {@link Charts#SMALL_HEIGHT}: two small charts share a line. */
  public ReportPage smallChart(String name, String caption, JFreeChart chart) {
    return chart(name, caption, chart, Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT);
  }

  /**
   * A chart rendered at {@code width} x {@code height} pixels, as {@link #chart(String, String, JFreeChart)};
   * one at most {@link Charts#SMALL_WIDTH} wide sits beside the next such one.
   */
  public ReportPage chart(String name, String caption, JFreeChart chart, int width, int height) {
    if (!name.matches("[A-Za-z0-9_-]+") || charts.containsKey(name)) {
      throw new IllegalArgumentException("chart name '" + name + "': must be unique and of letters, digits, - and _");
    }
    byte[] png = Charts.png(chart, width, height);
    charts.put(name, png);
    body.append("<figure id=\"").append(name).append(width <= Charts.SMALL_WIDTH ? "\" class=\"small" : "")
        .append("\"><img alt=\"").append(escape(caption)).append("\" width=\"").append(width)
        .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
    return this;
  }

  /** The names of the charts added so far, in order. */
  public List<String> chartNames() {
    return new ArrayList<>(charts.keySet());
  }

  /** The whole page. */
  public String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title>\n<style>" + STYLE + "</style>\n<script>" + SCRIPT + "</script></head>\n<body>\n<h1>"
        + escape(title) + "</h1>\n" + body + "</body></html>\n";
  }

  /**
   * Writes {@code dir/charts/NAME.png} for every chart, then {@code dir/page} (each atomically); returns
   * the page. Other PNG files in {@code charts/}, left by an earlier page with other charts, are deleted:
   * the folder holds the page's charts (a directory has one page).
   */
  public Path write(Path dir, String page) throws IOException {
    Path folder = dir.resolve(CHARTS);
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> c : charts.entrySet()) {
      AtomicFiles.write(folder.resolve(c.getKey() + ".png"), s -> s.write(c.getValue()));
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".png")).toList()) {
        if (!charts.containsKey(f.getFileName().toString().replaceFirst("\\.png$", ""))) Files.delete(f);
      }
    }
    Path file = dir.resolve(page);
    AtomicFiles.write(file, s -> s.write(html().getBytes(StandardCharsets.UTF_8)));
    return file;
  }

  /** {@code text} with &amp;, &lt;, &gt; and quotes escaped for HTML text and attributes. */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean numeric(String s) {
    return s.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?%?");
  }
}
