package dev.meshplay.gitops.reconciler.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Every answer goes out through here, so no route can forget the security headers. */
final class Responses {
  /**
   * Scripts and styles only from our own origin, never inline: even if escaping were ever missed,
   * an injected {@code <script>} or inline style would not run. {@code connect-src 'self'} lets the
   * one script read the event stream and the page.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  static final String HTML = "text/html; charset=UTF-8";
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=UTF-8";

  private Responses() {}

  static void send(ServerResponse res, String contentType, String body) {
    headers(res, contentType);
    res.send(body);
  }

  /** A body already encoded as UTF-8. */
  static void send(ServerResponse res, String contentType, byte[] body) {
    headers(res, contentType);
    res.send(body);
  }

  static void notFound(ServerResponse res, String contentType, String body) {
    res.status(Status.NOT_FOUND_404);
    send(res, contentType, body);
  }

  static void headers(ServerResponse res, String contentType) {
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    res.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
    res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
  }
}
