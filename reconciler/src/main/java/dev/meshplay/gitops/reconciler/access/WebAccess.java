package dev.meshplay.gitops.reconciler.access;

import java.util.List;

/**
 * Who may read the pages and the API. Open by default (the daemon listens on loopback unless told
 * otherwise); with credentials, every page and {@code /api/v1} route needs one of them, and {@code
 * /metrics} too unless {@code protectMetrics} is off. {@code /healthz} and {@code /readyz} stay
 * open for probes, and the webhook keeps its own signature check.
 */
public record WebAccess(List<Credential> credentials, boolean protectMetrics) {
  static final String REALM = "meshplay-gitops";

  public WebAccess {
    credentials = List.copyOf(credentials);
  }

  public static WebAccess open() {
    return new WebAccess(List.of(), false);
  }

  public boolean isOpen() {
    return credentials.isEmpty();
  }

  /** Whether a request for {@code path} needs a credential. */
  public boolean guards(String path) {
    if (isOpen()
        || path.equals("/healthz")
        || path.equals("/readyz")
        || path.startsWith("/hooks/")) {
      return false;
    }
    return protectMetrics || !path.equals("/metrics");
  }

  /** Whether the {@code Authorization} header (null when absent) lets the request in. */
  public boolean admits(String authorization) {
    boolean ok = false;
    for (Credential c : credentials) {
      ok |= c.accepts(authorization);
    }
    return ok;
  }

  /** The {@code WWW-Authenticate} challenges of a 401, one per configured scheme. */
  public List<String> challenges() {
    return credentials.stream()
        .map(Credential::scheme)
        .distinct()
        .map(s -> s + " realm=\"" + REALM + "\"" + (s.equals("Basic") ? ", charset=\"UTF-8\"" : ""))
        .toList();
  }
}
