package org.deepgrad.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** deepgrad's version, from the build's filtered {@code version.properties}: what model.json's {@code created_by} names. */
public final class Version {
  private Version() {}

  /** The version as the build wrote it, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      return "(unknown version)";
    }
    return p.getProperty("version", "(unknown version)");
  }
}
