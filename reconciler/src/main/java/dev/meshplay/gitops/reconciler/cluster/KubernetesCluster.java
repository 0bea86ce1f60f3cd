package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.render.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Optional;

/** The one adapter that talks to a Kubernetes API server, through fabric8. */
public final class KubernetesCluster implements Cluster {
  /** The field manager name every apply uses, so ownership is one name in managedFields. */
  public static final String FIELD_MANAGER = "meshplay-gitops";

  private final String name;
  private final KubernetesClient client;
  private final KubernetesSerialization json;

  public KubernetesCluster(String name, KubernetesClient client) {
    this.name = name;
    this.client = client;
    this.json = client.getKubernetesSerialization();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<Map<String, Object>> get(ObjectRef ref) {
    try {
      GenericKubernetesResource live = resource(ref).get();
      return Optional.ofNullable(live).map(this::toMap);
    } catch (KubernetesClientException e) {
      // A kind the server does not serve yet (its CRD comes in this very pass) has no objects.
      if (!servesOrFails(ref, e)) {
        return Optional.empty();
      }
      throw failure("get", ref, e);
    }
  }

  @Override
  public Map<String, Object> apply(Map<String, Object> object, boolean force) {
    GenericKubernetesResource resource = json.convertValue(object, GenericKubernetesResource.class);
    ObjectRef ref = refOf(resource);
    try {
      var applicable = client.resource(resource).fieldManager(FIELD_MANAGER);
      return toMap(
          force ? applicable.forceConflicts().serverSideApply() : applicable.serverSideApply());
    } catch (KubernetesClientException e) {
      throw failure("apply", ref, e);
    }
  }

  @Override
  public java.util.List<ObjectRef> list(String apiVersion, String kind, String namespace) {
    try {
      var kinds = client.genericKubernetesResources(apiVersion, kind);
      var items = namespace == null ? kinds.list() : kinds.inNamespace(namespace).list();
      return items.getItems().stream().map(KubernetesCluster::refOf).toList();
    } catch (KubernetesClientException e) {
      throw failure("list", new ObjectRef(apiVersion, kind, namespace, "*"), e);
    }
  }

  @Override
  public boolean delete(ObjectRef ref) {
    try {
      return !resource(ref).delete().isEmpty();
    } catch (KubernetesClientException e) {
      throw failure("delete", ref, e);
    }
  }

  @Override
  public boolean serves(String apiVersion, String kind) {
    try {
      var resources = client.getApiResources(apiVersion);
      return resources != null
          && resources.getResources().stream().anyMatch(r -> kind.equals(r.getKind()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw failure("discover", new ObjectRef(apiVersion, kind, null, "*"), e);
    }
  }

  /** Whether the kind is served; a failing discovery reports the read that led to it. */
  private boolean servesOrFails(ObjectRef ref, KubernetesClientException readFailure) {
    try {
      return serves(ref.apiVersion(), ref.kind());
    } catch (ClusterException discoveryFailed) {
      throw failure("get", ref, readFailure);
    }
  }

  private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
    var kind = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
    return ref.namespace() == null
        ? kind.withName(ref.name())
        : kind.inNamespace(ref.namespace()).withName(ref.name());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(GenericKubernetesResource resource) {
    return json.convertValue(resource, Map.class);
  }

  private static ObjectRef refOf(GenericKubernetesResource r) {
    return new ObjectRef(
        r.getApiVersion(), r.getKind(), r.getMetadata().getNamespace(), r.getMetadata().getName());
  }

  private ClusterException failure(String verb, ObjectRef ref, KubernetesClientException e) {
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    if (reason == null && e.getCode() > 0) {
      reason = "HTTP " + e.getCode();
    }
    return new ClusterException(name, verb, ref, reason, e);
  }

  /** The client, for the watch-backed cache that wraps this adapter. */
  public KubernetesClient client() {
    return client;
  }

  /** Visible for the composition root: the API server this adapter talks to. */
  public String masterUrl() {
    return client.getMasterUrl().toString();
  }
}
