package dev.meshplay.gitops.sandbox.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One resource type as API discovery lists it. */
public record ApiResource(
    String group,
    String version,
    String plural,
    String singular,
    String kind,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean scalable) {

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  public ApiResource {
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
  }

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The entries of an {@code APIResourceList}: the resource, and its scale subresource if any. */
  List<Map<String, Object>> toDiscovery() {
    if (!scalable) {
      return List.of(entry());
    }
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("name", plural + "/scale");
    scale.put("singularName", "");
    scale.put("namespaced", namespaced);
    scale.put("group", "autoscaling");
    scale.put("version", "v1");
    scale.put("kind", "Scale");
    scale.put("verbs", List.of("get", "patch", "update"));
    return List.of(entry(), scale);
  }

  private Map<String, Object> entry() {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", plural);
    entry.put("singularName", singular);
    entry.put("namespaced", namespaced);
    entry.put("kind", kind);
    entry.put("verbs", VERBS);
    if (!shortNames.isEmpty()) {
      entry.put("shortNames", shortNames);
    }
    if (!categories.isEmpty()) {
      entry.put("categories", categories);
    }
    return entry;
  }
}
