package org.deepgrad.run.files;

import java.io.IOException;
import java.nio.file.Path;
import org.deepgrad.io.FolderLock;
import org.deepgrad.io.FolderLockedException;
import org.deepgrad.run.config.RunException;

/**
 * The commands other than {@code train} (which has {@code RunFolder}) take the {@link FolderLock} of
 * a run's, a sweep's or a reproduction's folder while they write into it, so that no two processes
 * write one folder at once.
 */
public final class Locks {
  private Locks() {}

  /**
   * Takes {@code dir}, an existing directory, for {@code command} (e.g. {@code deepgrad report}); a
   * folder another process holds is bad input naming the holder.
   */
  public static FolderLock hold(Path dir, String command) throws IOException {
    try {
      return FolderLock.acquire(dir, command + " " + dir);
    } catch (FolderLockedException e) {
      throw new RunException(dir + " is in use by " + e.holder() + "; a folder belongs to one process at a time. "
          + "Wait for that process to end, then run " + command + " again.", e);
    }
  }
}
