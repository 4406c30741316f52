package org.deepgrad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version for {@code --version}, from the build's filtered {@code version.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"deepgrad " + version() + ", Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
  }

  /** deepgrad's version, as the build wrote it, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      return "(unknown version)";
    }
    return p.getProperty("version", "(unknown version)");
  }
}
