package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which namespaces we might prune still hold objects that are not ours: deleting such a
 * namespace would delete them too. Only namespaces about to be pruned are looked at.
 */
public final class NamespaceUsage {
  /** Common namespaced kinds people create by hand. */
  private static final List<String[]> KINDS =
      List.of(
          new String[] {"v1", "ConfigMap"},
          new String[] {"v1", "Secret"},
          new String[] {"v1", "Service"},
          new String[] {"v1", "ServiceAccount"},
          new String[] {"v1", "PersistentVolumeClaim"},
          new String[] {"v1", "Pod"},
          new String[] {"apps/v1", "Deployment"},
          new String[] {"apps/v1", "StatefulSet"},
          new String[] {"apps/v1", "DaemonSet"},
          new String[] {"batch/v1", "Job"},
          new String[] {"batch/v1", "CronJob"},
          new String[] {"networking.k8s.io/v1", "Ingress"});

  /** What Kubernetes itself puts in every namespace. */
  private static final Set<String> BUILT_IN =
      Set.of("ConfigMap/kube-root-ca.crt", "ServiceAccount/default");

  private NamespaceUsage() {}

  /** The inventoried namespaces that still hold objects we do not own: never pruned. */
  public static Set<String> inUse(
      Cluster cluster, Inventory previous, Set<ObjectRef> desired, Set<ObjectRef> live) {
    Set<ObjectRef> ours = previous.all();
    Set<String> inUse = new HashSet<>();
    for (ObjectRef ref : ours) {
      boolean candidate =
          ref.kind().equals("Namespace") && !desired.contains(ref) && live.contains(ref);
      if (candidate && holdsForeign(cluster, ref.name(), ours)) {
        inUse.add(ref.name());
      }
    }
    return inUse;
  }

  private static boolean holdsForeign(Cluster cluster, String namespace, Set<ObjectRef> ours) {
    Set<String> ourNames = new HashSet<>();
    ours.forEach(r -> ourNames.add(r.kind() + "/" + r.namespace() + "/" + r.name()));
    for (String[] kind : KINDS) {
      for (ObjectRef ref : cluster.list(kind[0], kind[1], namespace)) {
        String key = ref.kind() + "/" + ref.name();
        if (!BUILT_IN.contains(key)
            && !ourNames.contains(ref.kind() + "/" + namespace + "/" + ref.name())) {
          return true;
        }
      }
    }
    return false;
  }
}
