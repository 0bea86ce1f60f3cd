package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server holds after a pass over {@code n} designs of a typical shape: a namespace, a
 * ConfigMap, a Deployment mounting it, its Service, and a Secret; a full events log.
 */
final class PageFixtures {
  static final int OBJECTS = 5;
  private static final CommitInfo COMMIT =
      new CommitInfo("3f9c1e0a7b", "Bench commit", "bench", Instant.parse("2026-11-23T00:00:00Z"));

  record State(StatusStore store, ManifestStore manifests, EventLog events, WebAccess access) {}

  private PageFixtures() {}

  static State state(int n) {
    List<DesignStatus> designs = new ArrayList<>();
    Map<String, DesignManifest> manifests = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = key(i);
      List<RenderedObject> objects = objects("app-" + i, key);
      designs.add(
          new DesignStatus(
              key,
              "app-" + i,
              DesignFormat.MANIFESTS,
              DesignState.SYNCED,
              null,
              List.of(),
              objects.stream()
                  .map(
                      o ->
                          new ObjectStatus(
                              o.ref(),
                              Action.UNCHANGED,
                              List.of(),
                              o.provenance(),
                              null,
                              Health.healthy()))
                  .toList(),
              0));
      manifests.put(key, new DesignManifest(objects, List.of()));
    }
    StatusStore store = new StatusStore();
    store.put(
        new SourceStatus(
            "bench",
            "/srv/bench.git",
            "main",
            COMMIT,
            null,
            List.of(new ClusterStatus("sandbox", COMMIT, Instant.now(), null, designs))));
    ManifestStore manifestStore = new ManifestStore();
    manifestStore.put("bench", "sandbox", manifests);
    EventLog events = new EventLog();
    for (int i = 0; i < events.capacity(); i++) {
      events.record(
          Event.of(
              Instant.now(),
              EventKind.UPDATED,
              "bench",
              "sandbox",
              key(i % Math.max(1, n)),
              "Deployment/app-" + i + "/web"));
    }
    return new State(store, manifestStore, events, WebAccess.open());
  }

  static String designQuery(int i) {
    return "source=bench&cluster=sandbox&path=" + URLEncoder.encode(key(i), StandardCharsets.UTF_8);
  }

  private static String key(int i) {
    return "manifests/app-" + i;
  }

  private static List<RenderedObject> objects(String ns, String key) {
    Map<String, Object> labels = Map.of("app", "web");
    return List.of(
        object("v1", "Namespace", null, ns, key, Map.of()),
        object("v1", "ConfigMap", ns, "settings", key, Map.of("data", Map.of("mode", "fast"))),
        object(
            "apps/v1",
            "Deployment",
            ns,
            "web",
            key,
            Map.of(
                "spec",
                Map.of(
                    "replicas",
                    2,
                    "selector",
                    Map.of("matchLabels", labels),
                    "template",
                    Map.of(
                        "metadata",
                        Map.of("labels", labels),
                        "spec",
                        Map.of(
                            "containers",
                            List.of(
                                Map.of(
                                    "name",
                                    "web",
                                    "image",
                                    "nginx:1.27",
                                    "envFrom",
                                    List.of(
                                        Map.of("configMapRef", Map.of("name", "settings")))))))))),
        object(
            "v1",
            "Service",
            ns,
            "web",
            key,
            Map.of("spec", Map.of("selector", labels, "ports", List.of(Map.of("port", 80))))),
        object("v1", "Secret", ns, "db", key, Map.of("stringData", Map.of("password", "x"))));
  }

  private static RenderedObject object(
      String apiVersion,
      String kind,
      String namespace,
      String name,
      String key,
      Map<String, Object> rest) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    metadata.put(
        "labels",
        Map.of("app.kubernetes.io/managed-by", "meshplay-gitops", "meshplay.dev/source", "bench"));
    metadata.put("annotations", Map.of("meshplay.dev/design", key));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    body.put("metadata", metadata);
    body.putAll(rest);
    return new RenderedObject(
        new ObjectRef(apiVersion, kind, namespace, name),
        body,
        new Provenance(key + "/all.yaml", 1));
  }
}
