package org.deepgrad.data;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a file into a directory so that it is either there complete and verified or not there
 * at all: the body goes to a temporary file in the same directory, its SHA-256 and length are
 * checked, it is synced to disk, and only then renamed over the target in one atomic step. A
 * failure (HTTP error, broken connection, truncated body, wrong checksum, oversized body) deletes
 * the temporary file and tries the next mirror.
 */
final class Download {
  /** No MNIST-style file is near this; a bigger body is a wrong URL, not data. */
  static final long MAX_BYTES = 256L << 20;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Download() {}

  /** A client with connect timeout that follows redirects (never from https to http). */
  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** {@code dir/file}, fetched from the first mirror that serves it with the expected SHA-256. */
  static Path fetch(HttpClient client, List<URI> mirrors, String file, String sha256, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> failures = new ArrayList<>();
    for (URI base : mirrors) {
      URI uri = base.resolve(file);
      try {
        return fetchOne(client, uri, file, sha256, dir);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        failures.add(uri + ": " + e.getMessage());
      }
    }
    throw new IOException("could not download " + file + " into " + dir + (mirrors.isEmpty() ? " (no mirrors given)" : "")
        + ":\n  " + String.join("\n  ", failures) + "\nCheck the network or the mirror URLs, or copy the file there yourself");
  }

  private static Path fetchOne(HttpClient client, URI uri, String file, String sha256, Path dir) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download of " + uri + " interrupted");
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) throw new IOException("HTTP status " + response.statusCode() + "; expected 200");
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > MAX_BYTES) throw new IOException("Content-Length " + declared + " exceeds " + MAX_BYTES + " bytes");
      Path tmp = Files.createTempFile(dir, "." + file + ".", ".part");
      try {
        String actual = copy(new DigestInputStream(body, sha256()), tmp, declared);
        if (!actual.equalsIgnoreCase(sha256)) {
          throw new IOException("SHA-256 mismatch: got " + actual + ", expected " + sha256
              + "; the mirror served a different or damaged file, nothing was kept");
        }
        return Files.move(tmp, dir.resolve(file), ATOMIC_MOVE, REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp); // still there only if something failed
      }
    }
  }

  /** Copies the body to {@code tmp}, checks its length, syncs it; returns its SHA-256 in hex. */
  private static String copy(DigestInputStream in, Path tmp, long declared) throws IOException {
    long got = 0;
    try (FileChannel out = FileChannel.open(tmp, WRITE)) {
      byte[] buf = new byte[1 << 16];
      int k;
      while (true) {
        try {
          k = in.read(buf);
        } catch (IOException e) {
          throw new IOException("the body broke off after " + got + (declared >= 0 ? " of " + declared : "")
              + " bytes (" + e.getMessage() + ")", e);
        }
        if (k < 0) break;
        got += k;
        if (got > MAX_BYTES) throw new IOException("the body exceeds " + MAX_BYTES + " bytes");
        out.write(ByteBuffer.wrap(buf, 0, k));
      }
      if (declared >= 0 && got != declared) {
        throw new IOException("the body is truncated: " + got + " of " + declared + " bytes");
      }
      out.force(true);
    }
    return HexFormat.of().formatHex(in.getMessageDigest().digest());
  }

  /** The SHA-256 of a file, in hex. */
  static String sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
