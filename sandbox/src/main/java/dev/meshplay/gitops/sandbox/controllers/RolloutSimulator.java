package dev.meshplay.gitops.sandbox.controllers;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the controllers a real cluster runs, so that health can be shown in the demo: when
 * a workload, job, claim or CRD changes, it writes the status those controllers would settle on
 * ({@link SimulatedStatus}). No pods run; this only moves status fields.
 */
public final class RolloutSimulator implements AutoCloseable {
  private static final List<String[]> KINDS =
      List.of(
          new String[] {"apps/v1", "Deployment"},
          new String[] {"apps/v1", "StatefulSet"},
          new String[] {"apps/v1", "DaemonSet"},
          new String[] {"batch/v1", "Job"},
          new String[] {"v1", "PersistentVolumeClaim"},
          new String[] {"v1", "Namespace"},
          new String[] {"apiextensions.k8s.io/v1", "CustomResourceDefinition"});

  private final KubernetesClient client;
  private final KubernetesSerialization json;
  private final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  private RolloutSimulator(KubernetesClient client) {
    this.client = client;
    this.json = client.getKubernetesSerialization();
  }

  /** Starts watching every simulated kind in every namespace. */
  public static RolloutSimulator start(KubernetesClient client) {
    RolloutSimulator simulator = new RolloutSimulator(client);
    for (String[] kind : KINDS) {
      simulator.informers.add(
          client
              .genericKubernetesResources(kind[0], kind[1])
              .inAnyNamespace()
              .inform(simulator.handler()));
    }
    return simulator;
  }

  private ResourceEventHandler<GenericKubernetesResource> handler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        settle(obj);
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        settle(newObj);
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {}
    };
  }

  @SuppressWarnings("unchecked")
  private void settle(GenericKubernetesResource resource) {
    Map<String, Object> object = json.convertValue(resource, Map.class);
    SimulatedStatus.of(object)
        .filter(status -> !SimulatedStatus.settled(object, status))
        .ifPresent(
            status -> {
              resource.setAdditionalProperty("status", status);
              try {
                client.resource(resource).updateStatus();
              } catch (KubernetesClientException e) {
                // A newer version arrived meanwhile: its own event settles it.
              }
            });
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
