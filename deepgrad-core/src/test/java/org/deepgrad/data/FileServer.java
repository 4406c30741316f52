package org.deepgrad.data;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP server on the loopback interface (port chosen by the system) serving byte arrays the
 * test registers; unknown paths get 404. A path can be made to announce more bytes than it sends,
 * then drop the connection: a truncated download. Never reaches beyond 127.0.0.1.
 */
final class FileServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Integer> truncated = new ConcurrentHashMap<>();
  final AtomicInteger requests = new AtomicInteger();

  FileServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        byte[] body = files.get(path);
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        Integer sent = truncated.get(path);
        exchange.sendResponseHeaders(200, body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, sent == null ? body.length : sent);
        out.flush();
      }
    });
    server.start();
  }

  /** The base URL of {@code dir}, ending in '/'. */
  URI base(String dir) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + dir + "/");
  }

  void put(String path, byte[] body) {
    files.put(path, body);
  }

  /** Serves {@code path} announcing its full length but sending only {@code sent} bytes. */
  void truncate(String path, byte[] body, int sent) {
    files.put(path, body);
    truncated.put(path, sent);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
