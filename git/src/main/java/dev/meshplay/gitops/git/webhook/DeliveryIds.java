package dev.meshplay.gitops.git.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The delivery ids of the signed requests already accepted, newest last, so a captured request
 * replayed later (its signature still valid) is recognised. Bounded: the oldest ids are forgotten
 * first, which only lets a very old capture trigger one more poll.
 */
final class DeliveryIds {
  /** The headers forges put a unique delivery id in. */
  private static final String[] HEADERS = {
    "X-GitHub-Delivery", "X-Gitea-Delivery", "X-Forgejo-Delivery", "X-Gitlab-Event-UUID"
  };

  private final Map<String, Boolean> seen;

  DeliveryIds(int capacity) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The request's delivery id, or null when it carries none. */
  static String of(WebhookRequest request) {
    for (String header : HEADERS) {
      String id = request.header(header);
      if (id != null && !id.isBlank()) {
        return header.toLowerCase(java.util.Locale.ROOT) + ":" + id.strip();
      }
    }
    return null;
  }

  /** Records {@code id}; false when it was recorded before (a replay). */
  synchronized boolean firstTime(String id) {
    return seen.put(id, Boolean.TRUE) == null;
  }
}
