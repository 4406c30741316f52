package org.deepgrad.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, such as the body that writes a file's bytes. */
@FunctionalInterface
public interface IOConsumer<T> {
  /** Consumes {@code value}, e.g. writes the file's contents to the given stream. */
  void accept(T value) throws IOException;
}
