package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.access.WebAccess;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** Puts {@link WebAccess} in front of every route: 401 with a challenge when a credential lacks. */
final class AccessFilter implements Filter {
  private final WebAccess access;

  AccessFilter(WebAccess access) {
    this.access = access;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String path = req.path().path();
    if (!access.guards(path)
        || access.admits(req.headers().first(HeaderNames.AUTHORIZATION).orElse(null))) {
      chain.proceed();
      return;
    }
    res.status(Status.UNAUTHORIZED_401);
    res.header(HeaderNames.WWW_AUTHENTICATE, access.challenges().toArray(String[]::new));
    Responses.send(res, Responses.TEXT, "authentication required\n");
  }
}
