package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Secret values never reach the page or the API. Two ways they could: an object's YAML, where a
 * Secret's {@code data} and {@code stringData} values are replaced (keys kept, so one sees which
 * exist), along with the annotations that embed or digest them; and error messages, because the API
 * server's validation errors quote the rejected value ({@code data.password: Invalid value:
 * "hunter2"}), so for Secrets every quoted string in an error is replaced.
 */
final class SecretRedaction {
  static final String REDACTED = "\"[redacted]\"";
  static final String REDACTED_VALUE = "[redacted]";
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");

  /**
   * kubectl's copy of the whole object as last applied, and our digest of the rendered body (a
   * digest of a short password can be brute-forced).
   */
  private static final Set<String> EMBEDDING_ANNOTATIONS =
      Set.of("kubectl.kubernetes.io/last-applied-configuration", "meshplay.dev/config-hash");

  private SecretRedaction() {}

  static String error(ObjectStatus o) {
    if (o.error() == null || !"Secret".equals(o.ref().kind())) {
      return o.error();
    }
    return QUOTED.matcher(o.error()).replaceAll(REDACTED);
  }

  /** A design's one-line message repeats its first object error, so it is redacted alike. */
  static String message(DesignStatus d) {
    return text(d.message());
  }

  /** Any line that may repeat an object error (a design message, an event): redacted alike. */
  static String text(String message) {
    if (message == null || !message.contains("Secret/")) {
      return message;
    }
    return QUOTED.matcher(message).replaceAll(REDACTED);
  }

  /** The object's body, with a Secret's values replaced; other kinds are returned as they are. */
  static Map<String, Object> body(RenderedObject object) {
    if (!"Secret".equals(object.ref().kind())) {
      return object.body();
    }
    Map<String, Object> copy = new LinkedHashMap<>(object.body());
    for (String field : new String[] {"data", "stringData"}) {
      if (copy.get(field) instanceof Map<?, ?> values) {
        copy.put(field, blanked(values, values.keySet()));
      }
    }
    if (copy.get("metadata") instanceof Map<?, ?> metadata
        && metadata.get("annotations") instanceof Map<?, ?> annotations) {
      Map<String, Object> meta = new LinkedHashMap<>();
      metadata.forEach((k, v) -> meta.put(String.valueOf(k), v));
      meta.put("annotations", blanked(annotations, EMBEDDING_ANNOTATIONS));
      copy.put("metadata", meta);
    }
    return copy;
  }

  private static Map<String, Object> blanked(Map<?, ?> values, Set<?> keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(String.valueOf(k), keys.contains(k) ? REDACTED_VALUE : v));
    return out;
  }
}
