package dev.meshplay.gitops.render.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Meshery's registry layout, {@code <model>/<version>/<def-version>/{model.json,
 * components/*.json, relationships/*.json}}, so real Meshery models can be dropped into a
 * repository. A component's {@code component.schema} is a JSON Schema <em>string</em> for its
 * {@code configuration}; an empty one accepts anything, as Meshery's server does.
 */
public final class MesheryRegistryDirectory {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A file that could not be used, with the reason. */
  public record Problem(Path file, String message) {}

  /** What one directory contributed. */
  public record Contents(
      List<ComponentDefinition> components,
      List<RelationshipDefinition> relationships,
      List<Problem> problems) {}

  private MesheryRegistryDirectory() {}

  /** Every definition under {@code directory}, in path order; bad files become problems. */
  public static Contents read(Path directory) {
    List<ComponentDefinition> components = new ArrayList<>();
    List<RelationshipDefinition> relationships = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (Path file : jsonFiles(directory, problems)) {
      String folder = file.getParent().getFileName().toString();
      try {
        JsonNode document = JSON.readTree(file.toFile());
        if ("components".equals(folder)) {
          components.add(component(document, file));
        } else if ("relationships".equals(folder)) {
          relationships.add(relationship(document, file));
        }
      } catch (JacksonException | IllegalArgumentException e) {
        problems.add(new Problem(file, e.getMessage()));
      }
    }
    return new Contents(components, relationships, problems);
  }

  private static List<Path> jsonFiles(Path directory, List<Problem> problems) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f))
          .filter(f -> f.getNameCount() - directory.getNameCount() == 5)
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(new Problem(directory, "cannot list the registry: " + e.getMessage()));
      return List.of();
    }
  }

  private static ComponentDefinition component(JsonNode document, Path file) {
    JsonNode definition = document.path("component");
    String kind = required(definition, "kind", "component.kind");
    String apiVersion = required(definition, "version", "component.version");
    String text = definition.path("schema").asString("");
    JsonNode schema = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    if (!schema.isObject()) {
      throw new IllegalArgumentException("component.schema must be a JSON Schema object");
    }
    ObjectNode normalised = (ObjectNode) OpenApiSchemas.normalise(schema, null);
    if (normalised.path("properties").isObject()) {
      // The schema describes `configuration`; the rendered object also has apiVersion and kind.
      var properties = (ObjectNode) normalised.path("properties");
      properties.putObject("apiVersion").put("type", "string");
      properties.putObject("kind").put("type", "string");
    }
    JsonNode metadata = document.path("metadata");
    boolean namespaced =
        metadata.path("isNamespaced").asBoolean(metadata.path("is_namespaced").asBoolean(true));
    String model = document.path("model").path("name").asString("");
    return new ComponentDefinition(
        model, apiVersion, kind, namespaced, normalised, file.toString());
  }

  private static RelationshipDefinition relationship(JsonNode document, Path file) {
    JsonNode allow = document.path("selectors").path(0).path("allow");
    return new RelationshipDefinition(
        document.path("model").path("name").asString(""),
        required(document, "kind", "kind"),
        required(document, "type", "type"),
        required(document, "subType", "subType"),
        allow.path("from").path(0).path("kind").asString("*"),
        allow.path("to").path(0).path("kind").asString("*"),
        file.toString());
  }

  private static String required(JsonNode node, String field, String path) {
    String value = node.path(field).asString("");
    if (value.isBlank()) {
      throw new IllegalArgumentException(path + " is required");
    }
    return value;
  }
}
