package dev.meshplay.gitops.perf.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The bytes of one endpoint's HTTP/1.1 request, built once and written as is for every send. */
final class RequestBytes {

  private RequestBytes() {}

  /** A direct buffer that writes never free: each send writes a duplicate of it. */
  static ByteBuf of(URI uri, LoadSpec spec) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    byte[] body = spec.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256);
    head.append(spec.method()).append(' ').append(path).append(" HTTP/1.1\r\n");
    if (spec.headers().keySet().stream().noneMatch("host"::equalsIgnoreCase)) {
      head.append("Host: ").append(hostHeader(uri)).append("\r\n");
    }
    spec.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (!spec.cookies().isEmpty()) {
      head.append("Cookie: ").append(cookies(spec.cookies())).append("\r\n");
    }
    if (!spec.contentType().isEmpty()) {
      head.append("Content-Type: ").append(spec.contentType()).append("\r\n");
    }
    if (body.length > 0 || !spec.method().equals("GET") && !spec.method().equals("HEAD")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuf buf = Unpooled.directBuffer(headBytes.length + body.length);
    buf.writeBytes(headBytes).writeBytes(body);
    return Unpooled.unreleasableBuffer(buf.asReadOnly());
  }

  private static String hostHeader(URI uri) {
    int port = uri.getPort();
    boolean defaultPort = port == -1 || port == (isTls(uri) ? 443 : 80);
    return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
  }

  private static String cookies(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  static boolean isTls(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : isTls(uri) ? 443 : 80;
  }
}
