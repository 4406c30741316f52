package org.deepgrad.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, where a progress bar redrawn with '\r' makes sense. */
final class Terminal {
  private Terminal() {}

  /**
   * True when the JVM has a console that is a terminal. Up to JDK 21 {@link System#console()} is
   * null unless stdin and stdout are both terminals; from JDK 22 it always exists and
   * {@code Console.isTerminal()} (looked up by reflection, as we compile for 17) tells.
   */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) return false;
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
