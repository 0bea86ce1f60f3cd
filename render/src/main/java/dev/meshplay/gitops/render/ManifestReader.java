package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain Kubernetes manifests: every document one object, {@code kind: List} expanded. */
final class ManifestReader {

  private ManifestReader() {}

  /** Adds the objects of one file's documents; a bad document is reported at its own line. */
  static void read(String file, List<YamlNode> documents, DesignBuilder design) {
    for (YamlNode document : documents) {
      if (document.isNull()) {
        continue;
      }
      if (document instanceof YamlNode.Mapping list
          && "List".equals(list.text("kind"))
          && list.get("items").isPresent()) {
        items(file, list, design);
      } else {
        object(file, document, design);
      }
    }
  }

  private static void items(String file, YamlNode.Mapping list, DesignBuilder design) {
    YamlNode items = list.get("items").orElseThrow();
    if (items instanceof YamlNode.Sequence sequence) {
      sequence.items().forEach(item -> object(file, item, design));
    } else if (!items.isNull()) {
      design.report(error(file, items, "List items must be a sequence of objects"));
    }
  }

  private static void object(String file, YamlNode node, DesignBuilder design) {
    if (!(node instanceof YamlNode.Mapping object)) {
      design.report(error(file, node, "expected a Kubernetes object (a mapping), found a value"));
      return;
    }
    String apiVersion = object.string("apiVersion");
    String kind = object.string("kind");
    YamlNode.Mapping metadata = object.mapping("metadata").orElse(null);
    String name = metadata == null ? null : metadata.string("name");
    List<String> missing = new ArrayList<>();
    if (apiVersion == null) {
      missing.add("apiVersion");
    }
    if (kind == null) {
      missing.add("kind");
    }
    if (name == null) {
      missing.add("metadata.name");
    }
    if (!missing.isEmpty()) {
      String what = kind == null ? "document" : kind + (name == null ? "" : " " + name);
      design.report(error(file, object, what + " has no " + String.join(", ", missing)));
      return;
    }
    var namespace = Namespacing.wrongType(file, metadata, kind + " " + name);
    if (namespace.isPresent()) {
      design.report(namespace.get());
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) object.toValue();
    boolean namespaced = !ClusterScopedKinds.contains(apiVersion, kind);
    design.add(
        Namespacing.place(body, namespaced, new Provenance(file, object.line())),
        FieldLocator.of(object));
  }

  private static Diagnostic error(String file, YamlNode node, String message) {
    return Diagnostic.error(file, node.line(), node.position().column(), message);
  }
}
