package org.deepgrad.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown of report.md files as HTML: blocks, tables with escaped pipes, inline code and bold, escaping. */
class MarkdownBlocksTest {
  @Test
  void headingsParagraphsListsAndTables() {
    String md = "# Title\n\nA paragraph\non two lines with `x < 1` and **bold**.\n- one\n- two & three\n\n"
        + "## Table\n\n| run | loss | note |\n| --- | ---: | --- |\n| a \\| b | 0.25 | <i> |\n\n### Deeper\n";
    assertEquals("<h2>Title</h2>\n"
        + "<p>A paragraph on two lines with <code>x &lt; 1</code> and <strong>bold</strong>.</p>\n"
        + "<ul><li>one</li><li>two &amp; three</li></ul>\n"
        + "<h2>Table</h2>\n"
        + "<table><tr><th>run</th><th>loss</th><th>note</th></tr>\n"
        + "<tr><td>a | b</td><td class=\"n\">0.25</td><td>&lt;i&gt;</td></tr>\n</table>\n"
        + "<h3>Deeper</h3>\n", MarkdownBlocks.html(md));
  }

  @Test
  void tableCellsSplitOnUnescapedPipesOnly() {
    assertEquals(List.of("a", "b | c", ""), MarkdownBlocks.cells("| a | b \\| c |  |"));
  }

  @Test
  void verdictCellsAreMarked() {
    assertEquals("<table><tr><th>reproduced</th></tr>\n<tr><td class=\"yes\">yes</td></tr>\n"
        + "<tr><td class=\"no\">no</td></tr>\n</table>\n", MarkdownBlocks.html("| reproduced |\n| --- |\n| yes |\n| no |\n"));
  }
}
