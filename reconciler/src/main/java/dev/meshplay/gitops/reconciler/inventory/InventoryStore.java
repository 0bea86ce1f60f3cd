package dev.meshplay.gitops.reconciler.inventory;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps a source's {@link Inventory} in a ConfigMap of the cluster it describes, one line per
 * object ({@code apiVersion kind namespace name}, {@code -} for no namespace), one key per design.
 */
public final class InventoryStore {
  /** Where inventories live unless the daemon's {@code inventoryNamespace} says otherwise. */
  public static final String NAMESPACE = "meshplay-system";

  private final Cluster cluster;
  private final String namespace;

  public InventoryStore(Cluster cluster) {
    this(cluster, NAMESPACE);
  }

  public InventoryStore(Cluster cluster, String namespace) {
    this.cluster = cluster;
    this.namespace = namespace;
  }

  public Inventory read(String source) {
    return cluster
        .get(ref(source))
        .map(cm -> cm.get("data"))
        .filter(Map.class::isInstance)
        .map(data -> decode((Map<?, ?>) data))
        .orElse(Inventory.empty());
  }

  public void write(String source, Inventory inventory) {
    cluster.apply(
        new LinkedHashMap<>(
            Map.of(
                "apiVersion", "v1",
                "kind", "Namespace",
                "metadata", Map.of("name", namespace))),
        true);
    Map<String, Object> data = new TreeMap<>();
    inventory.designs().forEach((design, refs) -> data.put(dataKey(design), encode(design, refs)));
    ObjectRef ref = ref(source);
    cluster.apply(
        new LinkedHashMap<>(
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMap",
                "metadata",
                Map.of(
                    "name", ref.name(),
                    "namespace", namespace,
                    "labels", Map.of(Ownership.MANAGED_BY, Ownership.MANAGER)),
                "data",
                data)),
        true);
  }

  /** The ConfigMap that holds a source's inventory. */
  public ObjectRef ref(String source) {
    return new ObjectRef("v1", "ConfigMap", namespace, "inventory-" + source);
  }

  // ConfigMap keys allow [-._a-zA-Z0-9]: design keys are paths, so '/' becomes '.'; the real key
  // is the first line of the value.
  private static String dataKey(String design) {
    return design.replaceAll("[^-._a-zA-Z0-9]", ".");
  }

  private static String encode(String design, Set<ObjectRef> refs) {
    List<String> lines = new ArrayList<>();
    lines.add("design " + design);
    new TreeSet<>(refs.stream().map(InventoryStore::line).toList()).forEach(lines::add);
    return String.join("\n", lines) + "\n";
  }

  private static String line(ObjectRef r) {
    return r.apiVersion()
        + " "
        + r.kind()
        + " "
        + (r.namespace() == null ? "-" : r.namespace())
        + " "
        + r.name();
  }

  private static Inventory decode(Map<?, ?> data) {
    Map<String, Set<ObjectRef>> designs = new TreeMap<>();
    for (Object value : data.values()) {
      String[] lines = String.valueOf(value).split("\n");
      if (lines.length == 0 || !lines[0].startsWith("design ")) {
        continue;
      }
      Set<ObjectRef> refs = new TreeSet<>(java.util.Comparator.comparing(ObjectRef::toString));
      for (int i = 1; i < lines.length; i++) {
        String[] f = lines[i].trim().split(" ");
        if (f.length == 4) {
          refs.add(new ObjectRef(f[0], f[1], "-".equals(f[2]) ? null : f[2], f[3]));
        }
      }
      designs.put(lines[0].substring("design ".length()), refs);
    }
    return new Inventory(designs);
  }
}
