package org.deepgrad.data;

import java.io.BufferedInputStream;
import java.io.IOException;

/** Tells a gzip stream by its magic bytes {@code 1f 8b}, whatever the file is called. */
final class Gzip {
  private Gzip() {}

  /** Whether {@code in} starts with the gzip magic; leaves the stream where it was. */
  static boolean starts(BufferedInputStream in) throws IOException {
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return gzip;
  }
}
