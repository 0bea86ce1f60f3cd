package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Names one design in one cluster of one source. Carried in query parameters, not path segments,
 * because a design's path has slashes of its own.
 */
record DesignRef(String source, String cluster, String path) {

  /** A design as found in the store, with the source and cluster it belongs to. */
  record Found(SourceStatus source, ClusterStatus cluster, DesignStatus design) {}

  static DesignRef of(SourceStatus s, ClusterStatus c, DesignStatus d) {
    return new DesignRef(s.name(), c.cluster(), d.key());
  }

  /** The query string, already URL-encoded (and safe inside an HTML attribute). */
  String query() {
    return "source="
        + encode(source)
        + "&amp;cluster="
        + encode(cluster)
        + "&amp;path="
        + encode(path);
  }

  String pageUrl() {
    return "/design?" + query();
  }

  Optional<Found> find(List<SourceStatus> sources) {
    for (SourceStatus s : sources) {
      if (!s.name().equals(source)) {
        continue;
      }
      for (ClusterStatus c : s.clusters()) {
        if (!c.cluster().equals(cluster)) {
          continue;
        }
        for (DesignStatus d : c.designs()) {
          if (d.key().equals(path)) {
            return Optional.of(new Found(s, c, d));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
