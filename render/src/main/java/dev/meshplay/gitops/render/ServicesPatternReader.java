package dev.meshplay.gitops.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The older Meshery pattern file: a top-level {@code services:} map whose entries are Kubernetes
 * resources ({@code type} is the kind, {@code settings} the body). {@code traits} only held the
 * designer's layout and is ignored; services of other models (Meshery's own annotations) have no
 * Kubernetes object and are skipped with a warning.
 */
final class ServicesPatternReader {
  private static final String KUBERNETES = "kubernetes";
  private static final Set<String> GENERATED = Set.of("apiVersion", "kind", "metadata");

  private ServicesPatternReader() {}

  static boolean accepts(YamlNode.Mapping document) {
    return document.mapping("services").isPresent() && document.text("name") != null;
  }

  static void read(String file, YamlNode.Mapping document, DesignBuilder design) {
    design.name(document.text("name"));
    YamlNode.Mapping services = document.mapping("services").orElseThrow();
    String designId = document.text("patternID", "pattern_id", "id");
    services.entries().forEach((key, entry) -> service(file, designId, key, entry, design));
  }

  private static void service(
      String file,
      String designId,
      String key,
      YamlNode.Mapping.Entry entry,
      DesignBuilder design) {
    YamlNode.Position at = entry.keyPosition();
    if (!(entry.value() instanceof YamlNode.Mapping service)) {
      design.report(Diagnostic.error(file, at.line(), at.column(), "service " + key + " is empty"));
      return;
    }
    String model = service.text("model");
    if (service.flag("isAnnotation", "is_annotation").orElse(false)
        || (model != null && !KUBERNETES.equals(model))) {
      String why = model == null || KUBERNETES.equals(model) ? "an annotation" : "model " + model;
      design.report(
          Diagnostic.warning(
              file, at.line(), at.column(), "service " + key + " is " + why + "; not rendered"));
      return;
    }
    String kind = service.text("type");
    String apiVersion = service.text("apiVersion", "api_version");
    if (kind == null || apiVersion == null) {
      design.report(
          Diagnostic.error(
              file, at.line(), at.column(), "service " + key + " needs both type and apiVersion"));
      return;
    }
    var misshapen = misshapen(file, key, service);
    if (misshapen.isPresent()) {
      design.report(misshapen.get());
      return;
    }
    String name = service.text("name") == null ? key : service.text("name");
    Map<String, Object> object = object(apiVersion, kind, name, service);
    boolean namespaced = !ClusterScopedKinds.contains(apiVersion, kind);
    var provenance = new Provenance(file, at.line(), designId, service.text("id"));
    design.add(Namespacing.place(object, namespaced, provenance), locator(service, at));
  }

  /** The first field written in a shape the object cannot take: dropping it would lose data. */
  private static Optional<Diagnostic> misshapen(String file, String key, YamlNode.Mapping service) {
    String of = " of service " + key;
    return service
        .misshapen("settings", YamlNode.Mapping.class)
        .map(n -> error(file, n, "settings" + of + " must be a map of the object's fields"))
        .or(
            () ->
                service
                    .misshapen("name", YamlNode.Scalar.class)
                    .map(n -> error(file, n, "name" + of + " must be a string")))
        .or(
            () ->
                service
                    .misshapen("labels", YamlNode.Mapping.class)
                    .or(() -> service.misshapen("annotations", YamlNode.Mapping.class))
                    .map(n -> error(file, n, "labels and annotations" + of + " must be maps")))
        .or(() -> Namespacing.wrongType(file, service, "service " + key))
        .or(
            () ->
                service
                    .mapping("settings")
                    .flatMap(settings -> settings.mapping("metadata"))
                    .flatMap(metadata -> Namespacing.wrongType(file, metadata, "service " + key)));
  }

  /** Body fields come from {@code settings}; name and namespace from the service itself. */
  private static FieldLocator locator(YamlNode.Mapping service, YamlNode.Position at) {
    Map<String, YamlNode.Position> overrides = new java.util.HashMap<>();
    overrides.put("metadata/name", service.get("name").map(YamlNode::position).orElse(at));
    service.get("namespace").ifPresent(n -> overrides.put("metadata/namespace", n.position()));
    service.get("type").ifPresent(n -> overrides.put("kind", n.position()));
    service
        .get("apiVersion", "api_version")
        .ifPresent(n -> overrides.put("apiVersion", n.position()));
    YamlNode settings = service.mapping("settings").map(YamlNode.class::cast).orElse(null);
    return new FieldLocator(settings, Map.copyOf(overrides), at);
  }

  /** Unlike Meshery's converter, {@code settings.metadata} is kept: dropping it loses data. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(
      String apiVersion, String kind, String name, YamlNode.Mapping service) {
    Map<String, Object> settings =
        service
            .mapping("settings")
            .map(m -> (Map<String, Object>) m.toValue())
            .orElseGet(LinkedHashMap::new);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", apiVersion);
    object.put("kind", kind);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (settings.get("metadata") instanceof Map<?, ?> written) {
      ((Map<String, Object>) written).forEach(metadata::putIfAbsent);
    }
    String namespace = service.text("namespace");
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    for (String key : List.of("labels", "annotations")) {
      service.mapping(key).ifPresent(extra -> merge(metadata, key, extra));
    }
    object.put("metadata", metadata);
    settings.keySet().removeAll(GENERATED);
    object.putAll(settings);
    return object;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> metadata, String key, YamlNode.Mapping extra) {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (metadata.get(key) instanceof Map<?, ?> written) {
      merged.putAll((Map<String, Object>) written);
    }
    merged.putAll((Map<String, Object>) extra.toValue());
    metadata.put(key, merged);
  }

  private static Diagnostic error(String file, YamlNode node, String message) {
    return Diagnostic.error(file, node.line(), node.position().column(), message);
  }
}
