package org.deepgrad.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The command line's standard output, remembering why a write failed, which {@code PrintStream} and
 * {@code PrintWriter} keep to themselves: a full disk must not lose a command's output silently
 * (exit 0 with half a CSV), while a reader that stops early ({@code | head}) is no error.
 */
final class StandardOutput extends FilterOutputStream {
  private IOException failure;

  StandardOutput() {
    super(new FileOutputStream(FileDescriptor.out));
  }

  /** A writer over it, in the encoding {@code System.out} uses, flushing at every line. */
  PrintWriter writer() {
    String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    Charset charset;
    try {
      charset = name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      charset = Charset.defaultCharset();
    }
    return new PrintWriter(new OutputStreamWriter(this, charset), true);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw remember(e);
    }
  }

  /**
   * What went wrong, as one sentence for stderr; null when every write succeeded, or when the
   * reader closed the pipe (it took what it wanted).
   */
  String problem() {
    if (failure == null || String.valueOf(failure.getMessage()).contains("Broken pipe")) return null;
    return "standard output could not be written (" + failure.getMessage() + "), so what the command printed is "
        + "incomplete; send it where there is room.";
  }

  private IOException remember(IOException e) {
    if (failure == null) failure = e;
    return e;
  }
}
