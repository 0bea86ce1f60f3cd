package dev.meshplay.gitops.sandbox.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The legacy (unaggregated) discovery documents kubectl and fabric8 read: {@code /version}, {@code
 * /api}, {@code /apis}, {@code /api/v1} and {@code /apis/<group>[/<version>]}, for the built-in
 * types plus the custom resource definitions stored in the sandbox.
 */
public final class Discovery {
  private static final Map<String, Object> VERSION =
      Map.of(
          "major", "1",
          "minor", "32",
          "gitVersion", "v1.32.0-sandbox",
          "gitCommit", "sandbox",
          "gitTreeState", "clean",
          "buildDate", "2025-01-01T00:00:00Z",
          "goVersion", "go1.23",
          "compiler", "gc",
          "platform", "linux/amd64");

  private final Supplier<List<Map<String, Object>>> crds;

  /**
   * @param crds the stored CustomResourceDefinition objects, read on each request
   */
  public Discovery(Supplier<List<Map<String, Object>>> crds) {
    this.crds = crds;
  }

  /** Every served resource type: built-in first, then the stored custom resources. */
  public List<ApiResource> resources() {
    List<ApiResource> all = new ArrayList<>(BuiltinResources.ALL_RESOURCES);
    crds.get().forEach(crd -> all.addAll(CustomResources.of(crd)));
    return all;
  }

  /** The discovery document at a path (query removed), or empty when it is not a discovery path. */
  public Optional<Map<String, Object>> document(String path) {
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    return switch (parts.length) {
      case 1 ->
          switch (parts[0]) {
            case "version" -> Optional.of(VERSION);
            case "api" -> Optional.of(apiVersions());
            case "apis" -> Optional.of(groupList());
            default -> Optional.empty();
          };
      case 2 ->
          parts[0].equals("api")
              ? resourceList("", parts[1])
              : parts[0].equals("apis") ? group(parts[1]) : Optional.empty();
      case 3 -> parts[0].equals("apis") ? resourceList(parts[1], parts[2]) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private Map<String, Object> apiVersions() {
    Map<String, Object> doc = header("APIVersions");
    doc.put("versions", List.of("v1"));
    doc.put("serverAddressByClientCIDRs", List.of());
    return doc;
  }

  private Map<String, Object> groupList() {
    Map<String, Object> doc = header("APIGroupList");
    doc.put("groups", groups().stream().map(this::groupEntry).toList());
    return doc;
  }

  private Optional<Map<String, Object>> group(String name) {
    if (!groups().contains(name)) {
      return Optional.empty();
    }
    Map<String, Object> doc = header("APIGroup");
    doc.putAll(groupEntry(name));
    return Optional.of(doc);
  }

  private Optional<Map<String, Object>> resourceList(String group, String version) {
    List<Map<String, Object>> entries =
        resources().stream()
            .filter(r -> r.group().equals(group) && r.version().equals(version))
            .flatMap(r -> r.toDiscovery().stream())
            .toList();
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> doc = header("APIResourceList");
    doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    doc.put("resources", entries);
    return Optional.of(doc);
  }

  private List<String> groups() {
    Set<String> names = new LinkedHashSet<>();
    resources().stream().map(ApiResource::group).filter(g -> !g.isEmpty()).forEach(names::add);
    return List.copyOf(names);
  }

  private Map<String, Object> groupEntry(String name) {
    List<Map<String, Object>> versions =
        resources().stream()
            .filter(r -> r.group().equals(name))
            .map(ApiResource::version)
            .distinct()
            .map(v -> Map.<String, Object>of("groupVersion", name + "/" + v, "version", v))
            .toList();
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("versions", versions);
    entry.put("preferredVersion", versions.getFirst());
    return entry;
  }

  private static Map<String, Object> header(String kind) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", kind);
    doc.put("apiVersion", "v1");
    return doc;
  }
}
