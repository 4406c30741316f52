package org.deepgrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {
  @TempDir Path dir;
  private FileServer server;
  private final HttpClient client = Download.client();
  private final byte[] body = IdxFiles.ramp(5000);

  @BeforeEach
  void start() throws IOException {
    server = new FileServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Every file under the directory, temporary ones included. */
  private List<Path> filesIn(Path d) throws IOException {
    if (!Files.exists(d)) return List.of();
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void successWritesTheVerifiedFileAndNothingElse() throws Exception {
    server.put("/m/f.bin", body);
    Path got = Download.fetch(client, List.of(server.base("m")), "f.bin", sha256(body), dir.resolve("cache"));
    assertEquals(dir.resolve("cache/f.bin"), got);
    assertEquals(List.of(got), filesIn(dir));
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(got))),
        sha256(body));
  }

  @Test
  void checksumMismatchLeavesNoFileBehind() throws Exception {
    server.put("/m/f.bin", body);
    String wrong = sha256(new byte[] {1});
    IOException e = assertThrows(IOException.class,
        () -> Download.fetch(client, List.of(server.base("m")), "f.bin", wrong, dir));
    assertTrue(e.getMessage().contains("SHA-256 mismatch: got " + sha256(body) + ", expected " + wrong), e.getMessage());
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void notFoundNamesTheUrlAndStatus() throws Exception {
    URI base = server.base("m");
    IOException e = assertThrows(IOException.class, () -> Download.fetch(client, List.of(base), "f.bin", sha256(body), dir));
    assertTrue(e.getMessage().contains(base + "f.bin: HTTP status 404"), e.getMessage());
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void truncatedBodyIsRejectedAndRemoved() throws Exception {
    server.truncate("/m/f.bin", body, 1234);
    IOException e = assertThrows(IOException.class,
        () -> Download.fetch(client, List.of(server.base("m")), "f.bin", sha256(body), dir));
    assertTrue(e.getMessage().contains("of 5000 bytes"), e.getMessage());
    assertEquals(List.of(), filesIn(dir));
  }

  @Test
  void laterMirrorsAreTriedInOrder() throws Exception {
    server.put("/good/f.bin", body);
    Path got = Download.fetch(client, List.of(server.base("missing"), server.base("good")), "f.bin", sha256(body), dir);
    assertEquals(5000, Files.size(got));
    assertEquals(2, server.requests.get());
  }

  @Test
  void aFailedDownloadKeepsTheOldFile() throws Exception {
    Files.write(dir.resolve("f.bin"), new byte[] {42});
    server.put("/m/f.bin", new byte[] {1, 2, 3});
    assertThrows(IOException.class, () -> Download.fetch(client, List.of(server.base("m")), "f.bin", sha256(body), dir));
    assertEquals(1, Files.size(dir.resolve("f.bin")));
    assertEquals(1, filesIn(dir).size());
  }
}
