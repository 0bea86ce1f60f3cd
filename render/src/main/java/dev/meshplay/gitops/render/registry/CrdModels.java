package dev.meshplay.gitops.render.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Component definitions from a CustomResourceDefinition, the way Meshery's generator reads one:
 * {@code spec.group}, {@code spec.names.kind}, {@code spec.scope}, and for every version its {@code
 * schema.openAPIV3Schema} (falling back to the v1beta1 {@code spec.validation}).
 */
public final class CrdModels {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CrdModels() {}

  public static boolean isCrd(String apiVersion, String kind) {
    return "CustomResourceDefinition".equals(kind)
        && apiVersion.startsWith("apiextensions.k8s.io/");
  }

  /**
   * @param body a rendered CustomResourceDefinition
   * @param source where it was declared, kept on each definition
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static List<ComponentDefinition> definitions(Map<String, Object> body, String source) {
    JsonNode crd = JSON.valueToTree(body);
    JsonNode spec = crd.path("spec");
    String group = text(spec, "group", "spec.group");
    String kind = text(spec.path("names"), "kind", "spec.names.kind");
    String scope = spec.path("scope").asString("Namespaced");
    if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
      throw new IllegalArgumentException(
          "spec.scope must be Namespaced or Cluster, not '" + scope + "'");
    }
    boolean namespaced = scope.equals("Namespaced");
    // The v1 API server refuses a version without a schema; applying one would only fail there.
    boolean schemaRequired = "apiextensions.k8s.io/v1".equals(crd.path("apiVersion").asString(""));
    JsonNode versions = spec.path("versions");
    if (!versions.isArray() || versions.isEmpty()) {
      throw new IllegalArgumentException("spec.versions must list at least one version");
    }
    List<ComponentDefinition> definitions = new ArrayList<>();
    for (JsonNode version : versions) {
      String name = text(version, "name", "spec.versions[].name");
      JsonNode schema = version.path("schema").path("openAPIV3Schema");
      if (schema.isMissingNode()) {
        schema = spec.path("validation").path("openAPIV3Schema");
      }
      if (schema.isMissingNode() && schemaRequired) {
        throw new IllegalArgumentException(
            "spec.versions[" + name + "].schema.openAPIV3Schema is required");
      }
      if (!schema.isMissingNode() && !schema.isObject()) {
        throw new IllegalArgumentException(
            "spec.versions[" + name + "].schema.openAPIV3Schema must be an object");
      }
      JsonNode normalised =
          schema.isMissingNode() ? JSON.createObjectNode() : OpenApiSchemas.normalise(schema, null);
      definitions.add(
          new ComponentDefinition(group, group + "/" + name, kind, namespaced, normalised, source));
    }
    return definitions;
  }

  private static String text(JsonNode node, String field, String path) {
    String value = node.path(field).asString("");
    if (value.isBlank()) {
      throw new IllegalArgumentException(path + " is required");
    }
    return value;
  }
}
