package dev.meshplay.gitops.reconciler.badinput;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the cluster holds, object by object with its resourceVersion: two equal states mean nothing
 * was created, changed or deleted in between.
 */
public record LiveState(Map<String, String> versions) {

  public static LiveState of(KubernetesClient client) {
    Map<String, String> versions = new TreeMap<>();
    add(versions, client.namespaces().list().getItems());
    add(versions, client.configMaps().inAnyNamespace().list().getItems());
    add(versions, client.secrets().inAnyNamespace().list().getItems());
    add(versions, client.services().inAnyNamespace().list().getItems());
    add(versions, client.apps().deployments().inAnyNamespace().list().getItems());
    return new LiveState(versions);
  }

  private static void add(Map<String, String> versions, List<? extends HasMetadata> items) {
    for (HasMetadata item : items) {
      versions.put(
          item.getKind()
              + "/"
              + item.getMetadata().getNamespace()
              + "/"
              + item.getMetadata().getName(),
          item.getMetadata().getResourceVersion());
    }
  }

  /** Objects of {@code before} that are gone or changed here: data lost to a bad commit. */
  public List<String> lostFrom(LiveState before) {
    return before.versions.entrySet().stream()
        .filter(e -> !e.getValue().equals(versions.get(e.getKey())))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Objects here that {@code before} did not have. */
  public List<String> addedTo(LiveState before) {
    return versions.keySet().stream().filter(k -> !before.versions.containsKey(k)).toList();
  }
}
