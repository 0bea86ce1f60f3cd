package dev.meshplay.gitops.render.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Kubernetes' dialect of OpenAPI schemas (Swagger definitions, CRD {@code openAPIV3Schema})
 * into plain JSON Schema that networknt validates the way the API server would: int-or-string and
 * quantities accept numbers, {@code nullable} admits null, and documentation is dropped so that
 * compiled schemas stay small.
 */
public final class OpenApiSchemas {
  static final String PRESERVE_UNKNOWN = "x-kubernetes-preserve-unknown-fields";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> DROPPED = Set.of("description", "default", "format", "example");

  /** Definitions whose Swagger form ({@code type: string}) is narrower than what the API takes. */
  private static final Map<String, List<String>> WIDENED =
      Map.of(
          "io.k8s.apimachinery.pkg.util.intstr.IntOrString", List.of("integer", "string"),
          "io.k8s.apimachinery.pkg.api.resource.Quantity", List.of("string", "number"));

  private OpenApiSchemas() {}

  /**
   * @param definition the Swagger definition name, or null for a CRD schema
   * @return a normalised deep copy
   */
  public static JsonNode normalise(JsonNode schema, String definition) {
    if (definition != null && WIDENED.containsKey(definition)) {
      return types(NODES.objectNode(), WIDENED.get(definition));
    }
    return walk(schema);
  }

  private static JsonNode walk(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.values().forEach(item -> copy.add(walk(item)));
      return copy;
    }
    if (!node.isObject()) {
      return node.deepCopy();
    }
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      boolean keyword = !"properties".equals(key);
      if (DROPPED.contains(key) || key.startsWith("x-") && !PRESERVE_UNKNOWN.equals(key)) {
        continue;
      }
      copy.set(key, keyword ? walk(entry.getValue()) : properties(entry.getValue()));
    }
    if (node.path("x-kubernetes-int-or-string").asBoolean(false)) {
      copy.remove("type");
      types(copy, List.of("integer", "string"));
    }
    if (node.path("nullable").asBoolean(false) && copy.path("type").isString()) {
      types(copy, List.of(copy.path("type").asString(), "null"));
    }
    copy.remove("nullable");
    return copy;
  }

  /** Property names are data, not keywords: a field called "description" must stay. */
  private static JsonNode properties(JsonNode properties) {
    ObjectNode copy = NODES.objectNode();
    properties.properties().forEach(e -> copy.set(e.getKey(), walk(e.getValue())));
    return copy;
  }

  private static ObjectNode types(ObjectNode node, List<String> types) {
    ArrayNode array = node.putArray("type");
    types.forEach(array::add);
    return node;
  }

  /**
   * The strict variant used by {@code ValidationMode.STRICT}: every object schema that lists its
   * properties rejects others, unless it says unknown fields are preserved (as kubeconform {@code
   * -strict} does).
   */
  public static JsonNode strict(JsonNode schema) {
    if (schema.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      schema.values().forEach(item -> copy.add(strict(item)));
      return copy;
    }
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode copy = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      if ("properties".equals(entry.getKey())) {
        ObjectNode properties = copy.putObject("properties");
        entry
            .getValue()
            .properties()
            .forEach(e -> properties.set(e.getKey(), strict(e.getValue())));
      } else {
        copy.set(entry.getKey(), strict(entry.getValue()));
      }
    }
    if (schema.has("properties")
        && !schema.has("additionalProperties")
        && !schema.path(PRESERVE_UNKNOWN).asBoolean(false)) {
      copy.put("additionalProperties", false);
    }
    return copy;
  }
}
