package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /api/v1/clusters} document: the clusters page as JSON (docs/api.md). */
final class ClustersJson {
  private ClustersJson() {}

  static String of(List<SourceStatus> sources) {
    List<Object> clusters = new ArrayList<>();
    for (SourceStatus s : sources) {
      for (ClusterStatus c : s.clusters()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.cluster());
        m.put("source", s.name());
        m.put("reachable", c.lastSync() == null ? null : c.error() == null);
        m.put("error", c.error());
        m.put("applied", StatusJson.commit(c.applied()));
        m.put("lastSync", c.lastSync() == null ? null : c.lastSync().toString());
        m.put("designs", c.designs().size());
        m.put("designsSynced", ClustersPage.synced(c));
        m.put("objects", ClustersPage.objects(c));
        clusters.add(m);
      }
    }
    return StatusJson.write(Map.of("clusters", clusters));
  }
}
