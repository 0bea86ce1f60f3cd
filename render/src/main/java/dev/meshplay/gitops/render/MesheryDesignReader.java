package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meshery designs ({@code schemaVersion: designs.meshery.io/v1beta1}, also {@code v1beta3}): each
 * component becomes one object the way Meshery's own converter builds it — apiVersion from {@code
 * component.version}, kind from {@code component.kind}, name from {@code displayName}, labels,
 * annotations and namespace from {@code configuration.metadata}, the rest of {@code configuration}
 * copied as the body. Both camelCase and snake_case spellings are accepted, as Meshery's servers
 * accept both while their schemas migrate.
 */
final class MesheryDesignReader {
  static final String SCHEMA_PREFIX = "designs.meshery.io/";

  /** The design versions whose layout this reader knows. */
  static final List<String> SUPPORTED =
      List.of(SCHEMA_PREFIX + "v1beta1", SCHEMA_PREFIX + "v1beta3");

  /** Keys of {@code configuration} that Meshery sets itself rather than copying. */
  private static final Set<String> GENERATED = Set.of("apiVersion", "kind", "metadata");

  private MesheryDesignReader() {}

  static boolean accepts(YamlNode.Mapping document) {
    String schema = document.text("schemaVersion", "schema_version");
    return schema != null && schema.startsWith(SCHEMA_PREFIX);
  }

  static void read(String file, YamlNode.Mapping document, DesignBuilder design) {
    String schemaVersion = document.text("schemaVersion", "schema_version");
    if (!SUPPORTED.contains(schemaVersion)) {
      // Another version may rename fields: read as v1beta1, it could render the wrong objects.
      YamlNode at = document.get("schemaVersion", "schema_version").orElseThrow();
      String supported = String.join(" or ", SUPPORTED);
      design.report(
          error(
              file, at, "schemaVersion " + schemaVersion + " is not supported; use " + supported));
      return;
    }
    String name = document.text("name");
    if (name != null && !name.isBlank()) {
      design.name(name);
    }
    design.relationships(document.sequence("relationships").map(r -> r.items().size()).orElse(0));
    String designId = document.text("id");
    var rendered = new Components();
    YamlNode components = document.get("components").orElse(null);
    if (components instanceof YamlNode.Sequence list) {
      for (int i = 0; i < list.items().size(); i++) {
        component(file, designId, i + 1, list.items().get(i), design, rendered);
      }
    } else if (components != null && !components.isNull()) {
      design.report(error(file, components, "components must be a list"));
    }
    document
        .sequence("relationships")
        .ifPresent(list -> RelationshipReader.read(file, designId, list, rendered, design));
    document
        .misshapen("relationships", YamlNode.Sequence.class)
        .ifPresent(n -> design.report(error(file, n, "relationships must be a list")));
  }

  /** Every component by id (annotations too: a wallet reads its config) and what it became. */
  static final class Components {
    final Map<String, YamlNode.Mapping> declared = new HashMap<>();
    final Map<String, RenderedObject> objects = new HashMap<>();
  }

  private static void component(
      String file,
      String designId,
      int number,
      YamlNode node,
      DesignBuilder design,
      Components rendered) {
    if (!(node instanceof YamlNode.Mapping component)) {
      design.report(error(file, node, "component #" + number + " is not a mapping"));
      return;
    }
    String id = component.text("id");
    if (id != null) {
      YamlNode.Mapping first = rendered.declared.putIfAbsent(id, component);
      if (first != null) {
        // Relationships name components by id: a second one would make them point at either.
        design.report(
            error(
                file,
                component,
                "component #"
                    + number
                    + ": id "
                    + id
                    + " is already used at line "
                    + first.line()));
        return;
      }
    }
    YamlNode.Mapping metadata = component.mapping("metadata").orElse(empty(component));
    if ("ignored".equals(component.text("status"))
        || metadata.flag("isAnnotation", "is_annotation").orElse(false)) {
      return;
    }
    YamlNode.Mapping definition = component.mapping("component").orElse(empty(component));
    String kind = definition.text("kind");
    String apiVersion = definition.text("version");
    String displayName = component.text("displayName", "display_name");
    List<String> missing = new ArrayList<>();
    if (kind == null || kind.isBlank()) {
      missing.add("component.kind");
    }
    if (apiVersion == null || apiVersion.isBlank()) {
      missing.add("component.version");
    }
    if (displayName == null || displayName.isBlank()) {
      missing.add("displayName");
    }
    if (!missing.isEmpty()) {
      String label = displayName == null ? "#" + number : "#" + number + " (" + displayName + ")";
      design.report(
          error(file, component, "component " + label + " has no " + String.join(", ", missing)));
      return;
    }
    YamlNode configuration = component.get("configuration").orElse(empty(component));
    YamlNode.Mapping body;
    if (configuration instanceof YamlNode.Mapping map) {
      body = map;
    } else if (configuration.isNull()) {
      body = empty(component);
    } else {
      design.report(
          error(file, configuration, "configuration of " + displayName + " is not a map"));
      return;
    }
    var misshapen = misshapen(file, displayName, body);
    if (misshapen.isPresent()) {
      design.report(misshapen.get());
      return;
    }
    boolean namespaced =
        metadata
            .flag("isNamespaced", "is_namespaced")
            .orElseGet(() -> !ClusterScopedKinds.contains(apiVersion, kind));
    Map<String, Object> object = object(apiVersion, kind, displayName, body);
    var provenance = new Provenance(file, component.line(), designId, id);
    RenderedObject placed = Namespacing.place(object, namespaced, provenance);
    design.add(placed, locator(component, definition, body));
    if (id != null) {
      rendered.objects.put(id, placed);
    }
  }

  /**
   * The first metadata field written in a shape the object cannot take: {@link #object} would drop
   * it (a string metadata, a list of labels) or put the object in {@code default}.
   */
  private static Optional<Diagnostic> misshapen(
      String file, String displayName, YamlNode.Mapping configuration) {
    YamlNode metadata = configuration.get("metadata").orElse(null);
    if (metadata == null || metadata.isNull()) {
      return Optional.empty();
    }
    if (!(metadata instanceof YamlNode.Mapping written)) {
      return Optional.of(
          error(file, metadata, "configuration.metadata of " + displayName + " must be a map"));
    }
    return written
        .misshapen("labels", YamlNode.Mapping.class)
        .or(() -> written.misshapen("annotations", YamlNode.Mapping.class))
        .map(n -> error(file, n, "labels and annotations of " + displayName + " must be maps"))
        .or(() -> Namespacing.wrongType(file, written, "component " + displayName));
  }

  /** Body fields come from {@code configuration}; the name, kind and apiVersion from elsewhere. */
  private static FieldLocator locator(
      YamlNode.Mapping component, YamlNode.Mapping definition, YamlNode.Mapping body) {
    Map<String, YamlNode.Position> overrides = new HashMap<>();
    component
        .get("displayName", "display_name")
        .ifPresent(n -> overrides.put("metadata/name", n.position()));
    definition.get("kind").ifPresent(n -> overrides.put("kind", n.position()));
    definition.get("version").ifPresent(n -> overrides.put("apiVersion", n.position()));
    return new FieldLocator(body, Map.copyOf(overrides), component.position());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(
      String apiVersion, String kind, String name, YamlNode.Mapping configuration) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    object.put("metadata", metadata);
    configuration
        .mapping("metadata")
        .ifPresent(
            written -> {
              metadata.put("namespace", written.text("namespace"));
              for (String key : List.of("labels", "annotations")) {
                written.mapping(key).ifPresent(map -> metadata.put(key, map.toValue()));
              }
            });
    Map<String, Object> rest = (Map<String, Object>) configuration.toValue();
    rest.keySet().removeAll(GENERATED);
    object.putAll(rest);
    return object;
  }

  private static YamlNode.Mapping empty(YamlNode at) {
    return new YamlNode.Mapping(Map.of(), at.position());
  }

  private static Diagnostic error(String file, YamlNode node, String message) {
    return Diagnostic.error(file, node.line(), node.position().column(), message);
  }
}
