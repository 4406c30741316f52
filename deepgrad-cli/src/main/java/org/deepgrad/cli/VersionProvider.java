package org.deepgrad.cli;

import org.deepgrad.run.Version;
import picocli.CommandLine.IVersionProvider;

/** The version for {@code --version}: deepgrad's ({@link Version}) and Java's. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"deepgrad " + Version.current() + ", Java "
        + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
  }
}
