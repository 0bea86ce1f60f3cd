package dev.meshplay.gitops.render.registry;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One kind a model defines: what a rendered object of that apiVersion and kind must look like.
 *
 * @param model the model's name ({@code kubernetes}, a CRD's group, a Meshery model name)
 * @param schema a JSON Schema for the whole object body; an empty object accepts anything
 * @param source where the definition came from, for messages ({@code built-in}, a file path)
 */
public record ComponentDefinition(
    String model,
    String apiVersion,
    String kind,
    boolean namespaced,
    JsonNode schema,
    String source) {

  public ComponentDefinition {
    Objects.requireNonNull(apiVersion);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(schema);
  }

  /** The registry key: apiVersion and kind, as a rendered object names them. */
  public String key() {
    return key(apiVersion, kind);
  }

  static String key(String apiVersion, String kind) {
    return apiVersion + "/" + kind;
  }

  /** The API group, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
