package org.deepgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/** A folder another process (or this one) holds through its {@link FolderLock}. */
public final class FolderLockedException extends IOException {
  private final transient Path dir;
  private final String holder;

  FolderLockedException(Path dir, String holder) {
    super(dir + " is in use by " + holder);
    this.dir = dir;
    this.holder = holder;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** Who holds it: {@code pid 1234: deepgrad train, since 2025-01-02T03:04:05Z}, or "another process". */
  public String holder() {
    return holder;
  }
}
