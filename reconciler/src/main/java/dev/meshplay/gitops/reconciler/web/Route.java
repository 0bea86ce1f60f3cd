package dev.meshplay.gitops.reconciler.web;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;

/**
 * One route of the server. The server registers exactly the routes of {@link StatusServer#routes},
 * so a test can enumerate them and hold the server to read-only.
 */
record Route(Method method, String path, Handler handler) {

  static Route get(String path, Handler handler) {
    return new Route(Method.GET, path, handler);
  }
}
