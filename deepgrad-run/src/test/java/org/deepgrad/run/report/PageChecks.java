package org.deepgrad.run.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** What every report page ({@link ReportPage}) must be, checked on the page and its charts/ folder. */
public final class PageChecks {
  private PageChecks() {}

  /** The ids of the page's figures, in order. */
  public static List<String> figures(String html) {
    Matcher m = Pattern.compile("<figure id=\"([^\"]+)\"").matcher(html);
    List<String> ids = new ArrayList<>();
    while (m.find()) ids.add(m.group(1));
    return ids;
  }

  /** How often {@code part} occurs in {@code text}. */
  public static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  /**
   * Asserts that {@code page} in {@code dir} has exactly the figures {@code charts}, in order, each
   * embedded as PNG data and written as {@code charts/NAME.png}, and that it loads nothing else: no
   * {@code src} but data, no {@code href} but those starting with {@code allowedHref} (none when null).
   *
   * @return the page's text
   */
  public static String assertSelfContained(Path dir, String page, List<String> charts, String allowedHref)
      throws IOException {
    String html = Files.readString(dir.resolve(page));
    assertEquals(charts, figures(html));
    assertEquals(charts.size(), count(html, "src=\"data:image/png;base64,"), "every chart embedded");
    assertFalse(Pattern.compile("src=\"(?!data:)").matcher(html).find(), "an image or script from another file");
    Pattern href = Pattern.compile("href=\"(?!" + (allowedHref == null ? "\u0000" : Pattern.quote(allowedHref)) + ")");
    assertFalse(href.matcher(html).find(), "a link outside " + allowedHref);
    for (String name : charts) assertTrue(Files.isRegularFile(dir.resolve("charts").resolve(name + ".png")), name);
    return html;
  }

  /** Asserts that {@code file} decodes as an image of {@code width} x {@code height} pixels. */
  public static void assertPng(Path file, int width, int height) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, file + " does not decode");
    assertEquals(width, image.getWidth(), file + " width");
    assertEquals(height, image.getHeight(), file + " height");
  }
}
