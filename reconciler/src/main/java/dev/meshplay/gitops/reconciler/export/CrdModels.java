package dev.meshplay.gitops.reconciler.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas of exported custom resources, written as a Meshery model under {@code models/}: the
 * repository then validates offline ({@code validate}) without managing the CRD itself, which stays
 * with whoever installed it.
 */
final class CrdModels {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CrdModels() {}

  /** The Meshery model name of an API group: {@code example.com} → {@code example-com}. */
  static String model(String group) {
    return group.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }

  /** Files (path → JSON text) describing every served version of {@code crd}. */
  static Map<String, String> files(Map<String, Object> crd) {
    Map<String, String> files = new LinkedHashMap<>();
    if (!(crd.get("spec") instanceof Map<?, ?> spec)
        || !(spec.get("names") instanceof Map<?, ?> names)
        || !(spec.get("versions") instanceof List<?> versions)) {
      return files;
    }
    String group = String.valueOf(spec.get("group"));
    String kind = String.valueOf(names.get("kind"));
    boolean namespaced = !"Cluster".equals(spec.get("scope"));
    String model = model(group);
    for (Object item : versions) {
      if (!(item instanceof Map<?, ?> version) || Boolean.FALSE.equals(version.get("served"))) {
        continue;
      }
      String name = String.valueOf(version.get("name"));
      String dir = "models/" + model + "/" + name + "/v1.0.0/";
      Object schema =
          version.get("schema") instanceof Map<?, ?> s ? s.get("openAPIV3Schema") : null;
      Map<String, Object> component = new LinkedHashMap<>();
      component.put("schemaVersion", "components.meshery.io/v1beta1");
      component.put("version", "v1.0.0");
      component.put("displayName", kind);
      component.put("format", "JSON");
      component.put(
          "component",
          Map.of(
              "kind",
              kind,
              "version",
              group + "/" + name,
              "schema",
              schema == null ? "" : JSON.writeValueAsString(schema)));
      component.put("model", Map.of("name", model, "version", "v1.0.0"));
      component.put("metadata", Map.of("isNamespaced", namespaced));
      files.put(dir + "components/" + kind + ".json", JSON.writeValueAsString(component) + "\n");
      Map<String, Object> definition = new LinkedHashMap<>();
      definition.put("schemaVersion", "models.meshery.io/v1beta1");
      definition.put("name", model);
      definition.put("displayName", group);
      definition.put("version", "v1.0.0");
      definition.put("model", Map.of("version", name));
      definition.put("registrant", Map.of("kind", "meshplay-export"));
      files.put(dir + "model.json", JSON.writeValueAsString(definition) + "\n");
    }
    return files;
  }
}
