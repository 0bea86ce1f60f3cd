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
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>A watch that drops is not trusted when it comes back: an API server may resume it without the
 * events missed meanwhile (the sandbox does), so while it is down reads go to the API server, and
 * once it is up again the kind is listed afresh (one list per kind) and a pass is triggered.
 */
public final class WatchedCluster implements Cluster, AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(WatchedCluster.class);
  private final KubernetesCluster api;
  private final KubernetesClient client;
  private final KubernetesSerialization json;
  private final ChangeListener onChange;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers =
      new ConcurrentHashMap<>();
  private final WatchBackoff backoff = new WatchBackoff();
  private final WatchHealth health = new WatchHealth();
  private final java.util.concurrent.ScheduledExecutorService checks =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("watch-health").factory());

  public WatchedCluster(String name, KubernetesClient client, ChangeListener onChange) {
    this.api = new KubernetesCluster(name, client);
    this.client = client;
    this.json = client.getKubernetesSerialization();
    this.onChange = onChange;
    checks.scheduleWithFixedDelay(
        this::checkWatches, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public String name() {
    return api.name();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> get(ObjectRef ref) {
    String kind = ref.apiVersion() + " " + ref.kind();
    SharedIndexInformer<GenericKubernetesResource> informer = informers.get(kind);
    if (informer == null) {
      if (!backoff.mayStart(kind, Instant.now())) {
        return api.get(ref);
      }
      try {
        informer = informers.computeIfAbsent(kind, k -> inform(ref.apiVersion(), ref.kind()));
        backoff.started(kind);
      } catch (KubernetesClientException e) {
        // Not served yet (its CRD comes in this pass), or the server is busy or failing: read
        // directly, and start the watch again only after a pause.
        backoff.failed(kind, Instant.now(), retryAfter(e));
        return api.get(ref);
      }
    }
    if (informer.hasSynced() && !health.interrupted(kind)) {
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

  private SharedIndexInformer<GenericKubernetesResource> inform(String apiVersion, String kind) {
    return client
        .genericKubernetesResources(apiVersion, kind)
        .inAnyNamespace()
        .withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
        .inform(changes());
  }

  /** The server's {@code retryAfterSeconds} of a 429 or 5xx answer, or zero. */
  private static Duration retryAfter(KubernetesClientException e) {
    if (e.getStatus() != null
        && e.getStatus().getDetails() != null
        && e.getStatus().getDetails().getRetryAfterSeconds() != null) {
      return Duration.ofSeconds(e.getStatus().getDetails().getRetryAfterSeconds());
    }
    return Duration.ZERO;
  }

  /** Replaces the informer of every kind whose watch came back after a drop, then asks a pass. */
  private void checkWatches() {
    try {
      boolean relisted = false;
      for (String kind : health.toRelist(watching())) {
        String[] parts = kind.split(" ", 2);
        try {
          SharedIndexInformer<GenericKubernetesResource> fresh = inform(parts[0], parts[1]);
          SharedIndexInformer<GenericKubernetesResource> stale = informers.put(kind, fresh);
          if (stale != null) {
            stale.close();
          }
          health.relisted(kind);
          relisted = true;
        } catch (KubernetesClientException e) {
          LOG.warn("{}: relisting {} failed, reads stay direct: {}", name(), kind, e.getMessage());
        }
      }
      if (relisted) {
        onChange.everythingChanged();
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: watch check failed: {}", name(), e.toString());
    }
  }

  private Map<String, Boolean> watching() {
    Map<String, Boolean> watching = new java.util.HashMap<>();
    informers.forEach((kind, informer) -> watching.put(kind, informer.isWatching()));
    return watching;
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
          // Both labels: a hand edit may have moved or removed the source label itself.
          changed(before);
          changed(after);
        }
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        changed(obj);
      }
    };
  }

  private void changed(GenericKubernetesResource object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    String source = labels == null ? null : labels.get(Ownership.SOURCE);
    if (source == null) {
      onChange.everythingChanged();
    } else {
      onChange.sourceChanged(source);
    }
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
    checks.shutdownNow();
    informers.values().forEach(SharedIndexInformer::close);
  }
}
