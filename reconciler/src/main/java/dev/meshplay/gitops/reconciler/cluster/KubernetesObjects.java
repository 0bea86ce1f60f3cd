package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.render.ObjectRef;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link LiveObjects} through fabric8: discovery documents and generic lists. */
public final class KubernetesObjects implements LiveObjects {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(KubernetesObjects.class);
  private final String name;
  private final KubernetesClient client;

  public KubernetesObjects(String name, KubernetesClient client) {
    this.name = name;
    this.client = client;
  }

  /** The bulk view of a cluster reached through this adapter. */
  public static LiveObjects of(Cluster cluster) {
    if (cluster instanceof KubernetesCluster kubernetes) {
      return new KubernetesObjects(kubernetes.name(), kubernetes.client());
    }
    throw new IllegalArgumentException(cluster.name() + ": not a Kubernetes API server");
  }

  @Override
  public List<ApiKind> kinds() {
    try {
      List<ApiKind> kinds = new ArrayList<>(resources("", "v1", client.getApiResources("v1")));
      for (APIGroup group : client.getApiGroups().getGroups()) {
        String version = group.getPreferredVersion().getVersion();
        try {
          kinds.addAll(
              resources(
                  group.getName(),
                  version,
                  client.getApiResources(group.getName() + "/" + version)));
        } catch (KubernetesClientException e) {
          // An aggregated API whose server is down (metrics-server, often) hides only its kinds.
          LOG.warn(
              "{}: discovery of {} failed, its kinds are skipped: {}",
              name,
              group.getName(),
              e.getMessage());
        }
      }
      return kinds;
    } catch (KubernetesClientException e) {
      throw failure("discovery", null, e);
    }
  }

  private static List<ApiKind> resources(String group, String version, APIResourceList list) {
    if (list == null) {
      return List.of();
    }
    return list.getResources().stream()
        .filter(r -> !r.getName().contains("/"))
        .map(r -> kind(group, version, r))
        .toList();
  }

  private static ApiKind kind(String group, String version, APIResource r) {
    return new ApiKind(
        group,
        version,
        r.getKind(),
        r.getName(),
        Boolean.TRUE.equals(r.getNamespaced()),
        r.getVerbs() == null ? List.of() : r.getVerbs());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> list(ApiKind kind, String namespace, String selector) {
    var options = new ListOptionsBuilder().withLabelSelector(selector).build();
    try {
      var kinds = client.genericKubernetesResources(kind.apiVersion(), kind.kind());
      List<GenericKubernetesResource> items =
          (namespace == null
                  ? kinds.inAnyNamespace().list(options)
                  : kinds.inNamespace(namespace).list(options))
              .getItems();
      return items.stream()
          .map(
              r ->
                  (Map<String, Object>)
                      client.getKubernetesSerialization().convertValue(r, Map.class))
          .toList();
    } catch (KubernetesClientException e) {
      throw failure("list", new ObjectRef(kind.apiVersion(), kind.kind(), namespace, "*"), e);
    }
  }

  private ClusterException failure(String verb, ObjectRef ref, KubernetesClientException e) {
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    return new ClusterException(name, verb, ref, reason, e);
  }
}
