package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.render.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Cluster} whose reads of our own objects come from watch-backed caches: one informer per
 * kind we manage, filtered by our manager label. A pass over objects that have not changed makes no
 * per-object request; an object missing from the cache (not ours yet, or absent) is read from the
 * API server. A change to a cached object notifies {@code onChange}, so drift is repaired within
 * seconds instead of at the next interval.
 */
public final class WatchedCluster implements Cluster, AutoCloseable {
  private final KubernetesCluster api;
  private final KubernetesClient client;
  private final KubernetesSerialization json;
  private final Runnable onChange;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers =
      new ConcurrentHashMap<>();

  public WatchedCluster(String name, KubernetesClient client, Runnable onChange) {
    this.api = new KubernetesCluster(name, client);
    this.client = client;
    this.json = client.getKubernetesSerialization();
    this.onChange = onChange;
  }

  @Override
  public String name() {
    return api.name();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> get(ObjectRef ref) {
    SharedIndexInformer<GenericKubernetesResource> informer;
    try {
      informer = informers.computeIfAbsent(ref.apiVersion() + " " + ref.kind(), k -> inform(ref));
    } catch (KubernetesClientException notServedYet) {
      // Its CRD is not established yet: watched from the first pass that finds it served.
      return api.get(ref);
    }
    if (informer.hasSynced()) {
      String key =
          ref.namespace() == null
              ? ref.name()
              : Cache.namespaceKeyFunc(ref.namespace(), ref.name());
      GenericKubernetesResource cached = informer.getIndexer().getByKey(key);
      if (cached != null) {
        return Optional.of(json.convertValue(cached, Map.class));
      }
    }
    return api.get(ref);
  }

  private SharedIndexInformer<GenericKubernetesResource> inform(ObjectRef ref) {
    SharedIndexInformer<GenericKubernetesResource> informer =
        client
            .genericKubernetesResources(ref.apiVersion(), ref.kind())
            .inAnyNamespace()
            .withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
            .inform(changes());
    return informer;
  }

  private ResourceEventHandler<GenericKubernetesResource> changes() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {}

      @Override
      public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
        if (!before
            .getMetadata()
            .getResourceVersion()
            .equals(after.getMetadata().getResourceVersion())) {
          onChange.run();
        }
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        onChange.run();
      }
    };
  }

  @Override
  public Map<String, Object> apply(Map<String, Object> object, boolean force) {
    return api.apply(object, force);
  }

  @Override
  public List<ObjectRef> list(String apiVersion, String kind, String namespace) {
    return api.list(apiVersion, kind, namespace);
  }

  @Override
  public boolean delete(ObjectRef ref) {
    return api.delete(ref);
  }

  @Override
  public boolean serves(String apiVersion, String kind) {
    return api.serves(apiVersion, kind);
  }

  /** How many objects the watch caches hold (synced ones only). */
  public int cachedObjects() {
    return informers.values().stream()
        .filter(SharedIndexInformer::hasSynced)
        .mapToInt(i -> i.getIndexer().list().size())
        .sum();
  }

  /** How many kinds are being watched. */
  public int watchedKinds() {
    return informers.size();
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
  }
}
