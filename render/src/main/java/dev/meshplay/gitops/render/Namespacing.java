package dev.meshplay.gitops.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts an object body in its namespace and derives its {@link ObjectRef} from the result, so the
 * ref that plans and prunes and the body that is applied always agree.
 */
final class Namespacing {
  static final String DEFAULT_NAMESPACE = "default";

  private Namespacing() {}

  /**
   * Namespaced objects without a namespace get {@code default}; cluster-scoped objects lose any
   * namespace they were written with, as the API server would ignore it anyway.
   *
   * @param body a mutable body holding string {@code apiVersion}, {@code kind} and {@code
   *     metadata.name}
   */
  static RenderedObject place(Map<String, Object> body, boolean namespaced, Provenance provenance) {
    Map<String, Object> metadata = metadata(body);
    String namespace = null;
    if (namespaced) {
      Object written = metadata.get("namespace");
      namespace = written instanceof String text && !text.isBlank() ? text : DEFAULT_NAMESPACE;
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    var ref =
        new ObjectRef(
            (String) body.get("apiVersion"),
            (String) body.get("kind"),
            namespace,
            (String) metadata.get("name"));
    return new RenderedObject(ref, body, provenance);
  }

  /**
   * A namespace written as anything but text (a list, a map, a number) is an error: {@link #place}
   * would otherwise put the object in {@code default} without a word.
   *
   * @param holder the mapping with the {@code namespace} key (metadata, or a service)
   * @param owner what the message names, such as {@code ConfigMap cm}
   */
  static Optional<Diagnostic> wrongType(String file, YamlNode.Mapping holder, String owner) {
    return holder
        .get("namespace")
        .filter(
            n -> !n.isNull() && !(n instanceof YamlNode.Scalar s && s.value() instanceof String))
        .map(
            n ->
                Diagnostic.error(
                    file,
                    n.line(),
                    n.position().column(),
                    owner + ": namespace must be a string, found " + shape(n)));
  }

  private static String shape(YamlNode node) {
    return switch (node) {
      case YamlNode.Sequence s -> "a list";
      case YamlNode.Mapping m -> "a map";
      case YamlNode.Scalar s -> s.text() + " (not quoted)";
    };
  }

  /** The body's metadata map, created when missing. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> metadata(Map<String, Object> body) {
    Object metadata = body.get("metadata");
    if (metadata instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    body.put("metadata", created);
    return created;
  }
}
