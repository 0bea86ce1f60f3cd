package dev.meshplay.gitops.sandbox.discovery;

import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Resource types declared by CustomResourceDefinition objects. */
final class CustomResources {
  private CustomResources() {}

  static List<ApiResource> of(Map<String, Object> crd) {
    Map<String, Object> spec = Trees.asMap(crd.get("spec"));
    Map<String, Object> names = spec == null ? null : Trees.asMap(spec.get("names"));
    List<Object> versions = spec == null ? null : Trees.asList(spec.get("versions"));
    if (names == null || versions == null || Trees.string(spec, "group") == null) {
      return List.of();
    }
    String plural = Trees.string(names, "plural");
    String kind = Trees.string(names, "kind");
    String singular = Trees.string(names, "singular");
    if (plural == null || kind == null) {
      return List.of();
    }
    return versions.stream()
        .map(Trees::asMap)
        .filter(
            v ->
                v != null
                    && !Boolean.FALSE.equals(v.get("served"))
                    && v.get("name") instanceof String)
        .map(
            v ->
                new ApiResource(
                    Trees.string(spec, "group"),
                    Trees.string(v, "name"),
                    plural,
                    singular == null ? kind.toLowerCase(Locale.ROOT) : singular,
                    kind,
                    !"Cluster".equals(Trees.string(spec, "scope")),
                    strings(names.get("shortNames")),
                    strings(names.get("categories")),
                    false))
        .toList();
  }

  private static List<String> strings(Object value) {
    List<Object> list = Trees.asList(value);
    return list == null ? List.of() : list.stream().map(String::valueOf).toList();
  }
}
