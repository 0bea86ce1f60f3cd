package dev.meshplay.gitops.reconciler.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code /api/v1/design} document: one design as in {@code /api/v1/status}, plus counts. */
final class DesignJson {
  private DesignJson() {}

  static String of(DesignRef.Found found) {
    Map<String, Object> m =
        new LinkedHashMap<>(StatusJson.design(found.source(), found.cluster(), found.design()));
    m.put("applied", StatusJson.commit(found.cluster().applied()));
    m.put(
        "lastSync",
        found.cluster().lastSync() == null ? null : found.cluster().lastSync().toString());
    m.put("driftCount", StatusPage.driftCount(found.design()));
    return StatusJson.write(m);
  }
}
