package dev.meshplay.gitops.reconciler.graph;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places a graph's nodes in columns by kind, left to right in the order things depend on each
 * other: namespaces, then configuration and identity, then workloads, then what routes to or
 * watches workloads, then what fronts those. Within a column nodes are sorted by kind, namespace
 * and name. The same graph always gets the same picture, and edges mostly run left to right.
 */
public final class GraphLayout {
  public static final int NODE_WIDTH = 190;
  public static final int NODE_HEIGHT = 44;
  public static final int COLUMN_GAP = 90;
  static final int ROW_GAP = 22;
  static final int MARGIN = 16;

  /** Where a node's box goes (its top-left corner). */
  public record Position(int x, int y) {}

  /** Positions by node, and the picture's size. */
  public record Placed(Map<ObjectRef, Position> positions, int width, int height) {}

  private GraphLayout() {}

  public static Placed place(DesignGraph graph) {
    Map<Integer, List<ObjectRef>> columns = new TreeMap<>();
    for (ObjectRef node : graph.nodes()) {
      columns.computeIfAbsent(rank(node.kind()), k -> new ArrayList<>()).add(node);
    }
    Comparator<ObjectRef> order =
        Comparator.comparing(ObjectRef::kind)
            .thenComparing(r -> r.namespace() == null ? "" : r.namespace())
            .thenComparing(ObjectRef::name);
    Map<ObjectRef, Position> positions = new LinkedHashMap<>();
    int column = 0;
    int rows = 0;
    for (List<ObjectRef> nodes : columns.values()) {
      nodes.sort(order);
      for (int row = 0; row < nodes.size(); row++) {
        positions.put(
            nodes.get(row),
            new Position(
                MARGIN + column * (NODE_WIDTH + COLUMN_GAP),
                MARGIN + row * (NODE_HEIGHT + ROW_GAP)));
      }
      rows = Math.max(rows, nodes.size());
      column++;
    }
    int width = column == 0 ? 0 : 2 * MARGIN + column * NODE_WIDTH + (column - 1) * COLUMN_GAP;
    int height = rows == 0 ? 0 : 2 * MARGIN + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;
    return new Placed(positions, width, height);
  }

  /** The column of a kind; kinds not listed (custom resources) go last. */
  static int rank(String kind) {
    return switch (kind) {
      case "Namespace", "CustomResourceDefinition" -> 0;
      case "ServiceAccount",
          "ConfigMap",
          "Secret",
          "PersistentVolumeClaim",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding" ->
          1;
      case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod" -> 2;
      case "Service",
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "NetworkPolicy",
          "EnvoyFilter",
          "WASMFilter" ->
          3;
      case "Ingress", "Gateway", "HTTPRoute", "VirtualService" -> 4;
      default -> 5;
    };
  }
}
