package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.render.registry.ComponentDefinition;
import dev.meshplay.gitops.render.registry.CrdModels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CustomResourceDefinitions installed in a cluster, as component definitions for the model
 * registry: custom resources whose CRD was installed by other means (Helm, an operator) then
 * validate against their real schema instead of failing as unknown kinds.
 */
public final class InstalledModels {
  private static final Logger LOG = LoggerFactory.getLogger(InstalledModels.class);

  private InstalledModels() {}

  /** Every installed CRD's definitions; a CRD that cannot be read is skipped with a warning. */
  @SuppressWarnings("unchecked")
  public static List<ComponentDefinition> of(String cluster, KubernetesClient client) {
    List<ComponentDefinition> definitions = new ArrayList<>();
    List<GenericKubernetesResource> crds;
    try {
      crds =
          client
              .genericKubernetesResources("apiextensions.k8s.io/v1", "CustomResourceDefinition")
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      LOG.warn("{}: cannot list CustomResourceDefinitions: {}", cluster, e.getMessage());
      return definitions;
    }
    for (GenericKubernetesResource crd : crds) {
      Map<String, Object> body = client.getKubernetesSerialization().convertValue(crd, Map.class);
      try {
        definitions.addAll(
            CrdModels.definitions(body, cluster + ": CRD " + crd.getMetadata().getName()));
      } catch (IllegalArgumentException e) {
        LOG.warn("{}: CRD {} skipped: {}", cluster, crd.getMetadata().getName(), e.getMessage());
      }
    }
    return definitions;
  }
}
