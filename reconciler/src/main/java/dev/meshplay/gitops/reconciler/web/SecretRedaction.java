package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import java.util.regex.Pattern;

/**
 * Pages and API show object references and status, never object data. The one way a Secret's value
 * could still slip through is an error message: the API server's validation errors quote the
 * rejected value ({@code data.password: Invalid value: "hunter2"}), so for Secrets every quoted
 * string in an error is replaced.
 */
final class SecretRedaction {
  static final String REDACTED = "\"[redacted]\"";
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");

  private SecretRedaction() {}

  static String error(ObjectStatus o) {
    if (o.error() == null || !"Secret".equals(o.ref().kind())) {
      return o.error();
    }
    return QUOTED.matcher(o.error()).replaceAll(REDACTED);
  }

  /** A design's one-line message repeats its first object error, so it is redacted alike. */
  static String message(DesignStatus d) {
    if (d.message() == null || !d.message().contains("Secret/")) {
      return d.message();
    }
    return QUOTED.matcher(d.message()).replaceAll(REDACTED);
  }
}
