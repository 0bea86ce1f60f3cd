package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.reconciler.adoption.ForeignOwner;
import dev.meshplay.gitops.reconciler.cluster.ApiKind;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.cluster.LiveObjects;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the live objects of a scope and turns them into design repository files: list → skip what
 * is not configuration → clean → group by namespace → write designs (or manifests) and the models
 * of custom resources. Only the listing touches the cluster.
 */
public final class Exporter {
  static final String CLUSTER_DESIGN = "cluster";

  private Exporter() {}

  public static Export run(LiveObjects cluster, ExportScope scope) {
    List<ApiKind> served = cluster.kinds();
    Map<String, Map<String, Object>> crds = crds(cluster, served);
    Set<String> namespaces = namespaces(cluster, served, scope);
    Notes notes = new Notes();
    Map<String, List<ExportedObject>> byFolder = new TreeMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    List<Map<String, Object>> live = new ArrayList<>();
    ApiKind namespaceKind = KindSelection.namespaces(served);
    if (namespaceKind != null && scope.wants("Namespace", "namespaces")) {
      cluster.list(namespaceKind, null, scope.selector()).stream()
          .filter(ns -> namespaces.contains(name(ns)))
          .forEach(live::add);
    }
    Map<String, ApiKind> kindOf = new LinkedHashMap<>();
    for (ApiKind kind : KindSelection.pick(served, scope)) {
      List<Map<String, Object>> listed;
      try {
        listed = list(cluster, kind, scope, namespaces);
      } catch (ClusterException e) {
        // One kind this user may not list (RBAC) should not lose the rest of the export.
        notes.unreadable(e.getMessage());
        continue;
      }
      for (Map<String, Object> object : listed) {
        kindOf.put(String.valueOf(object.get("apiVersion")) + " " + object.get("kind"), kind);
        live.add(object);
      }
    }
    for (Map<String, Object> object : live) {
      ObjectRef ref = ref(object);
      String skipped = ExportSkips.reason(object);
      if (skipped != null) {
        notes.skipped(skipped);
        continue;
      }
      ApiKind kind = kindOf.get(ref.apiVersion() + " " + ref.kind());
      boolean namespaced = ref.namespace() != null;
      Map<String, Object> crd = kind == null ? null : crds.get(kind.crdName());
      if (crd != null) {
        files.putAll(CrdModels.files(crd));
      }
      ForeignOwner.of(object).ifPresent(owner -> notes.foreign(ref, owner));
      boolean secret = ref.kind().equals("Secret") && ref.apiVersion().equals("v1");
      if (secret) {
        notes.secret(ref);
      }
      Map<String, Object> body = secret ? SecretReference.of(object) : ServerFields.clean(object);
      String model = crd == null ? "kubernetes" : CrdModels.model(kind.group());
      String folder =
          namespaced
              ? ref.namespace()
              : ref.kind().equals("Namespace") ? ref.name() : CLUSTER_DESIGN;
      byFolder
          .computeIfAbsent(folder, f -> new ArrayList<>())
          .add(new ExportedObject(ref, body, namespaced, secret, model));
    }
    int exported = 0;
    Map<String, String> written = new LinkedHashMap<>();
    for (Map.Entry<String, List<ExportedObject>> folder : byFolder.entrySet()) {
      List<ExportedObject> objects = new ArrayList<>(folder.getValue());
      objects.sort(ORDER);
      exported += objects.size();
      if (scope.format() == ExportFormat.design) {
        written.put(
            "designs/" + folder.getKey() + ".yaml", DesignWriter.write(folder.getKey(), objects));
      } else {
        for (ExportedObject object : objects) {
          if (!object.reference()) {
            written.put(ManifestWriter.path(folder.getKey(), object), ManifestWriter.write(object));
          }
        }
      }
    }
    written.putAll(files);
    return new Export(written, notes.lines(scope.format()), exported);
  }

  /** Namespaces first (parents before children), then by kind and name. */
  private static final Comparator<ExportedObject> ORDER =
      Comparator.comparing((ExportedObject o) -> !o.ref().kind().equals("Namespace"))
          .thenComparing(o -> o.ref().kind())
          .thenComparing(o -> o.ref().name());

  private static List<Map<String, Object>> list(
      LiveObjects cluster, ApiKind kind, ExportScope scope, Set<String> namespaces) {
    if (!kind.namespaced()) {
      return cluster.list(kind, null, scope.selector());
    }
    if (scope.namespaces().isEmpty()) {
      return cluster.list(kind, null, scope.selector()).stream()
          .filter(o -> namespaces.contains(ref(o).namespace()))
          .toList();
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String namespace : scope.namespaces()) {
      objects.addAll(cluster.list(kind, namespace, scope.selector()));
    }
    return objects;
  }

  /** The namespaces named, each checked to exist; or every namespace but the system ones. */
  private static Set<String> namespaces(
      LiveObjects cluster, List<ApiKind> served, ExportScope scope) {
    ApiKind kind = KindSelection.namespaces(served);
    Set<String> existing = new LinkedHashSet<>();
    cluster.list(kind, null, null).forEach(ns -> existing.add(name(ns)));
    if (scope.namespaces().isEmpty()) {
      existing.removeAll(ExportScope.SYSTEM_NAMESPACES);
      return existing;
    }
    for (String namespace : scope.namespaces()) {
      if (!existing.contains(namespace)) {
        throw new IllegalArgumentException(
            "--namespace " + namespace + ": no such namespace in the cluster");
      }
    }
    return new LinkedHashSet<>(scope.namespaces());
  }

  private static Map<String, Map<String, Object>> crds(LiveObjects cluster, List<ApiKind> served) {
    ApiKind kind = KindSelection.customResourceDefinitions(served);
    Map<String, Map<String, Object>> crds = new LinkedHashMap<>();
    if (kind != null) {
      cluster.list(kind, null, null).forEach(crd -> crds.put(name(crd), crd));
    }
    return crds;
  }

  static ObjectRef ref(Map<String, Object> object) {
    Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    return new ObjectRef(
        String.valueOf(object.get("apiVersion")),
        String.valueOf(object.get("kind")),
        (String) metadata.get("namespace"),
        String.valueOf(metadata.get("name")));
  }

  private static String name(Map<String, Object> object) {
    return ref(object).name();
  }
}
