package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import java.util.Map;

/** A cluster designs can be sent to, with the labels meshplay.yaml selects it by. */
public record Target(String name, Map<String, String> labels, Cluster cluster) {

  public Target {
    labels = Map.copyOf(labels);
  }

  public static Target of(Cluster cluster) {
    return new Target(cluster.name(), Map.of(), cluster);
  }
}
