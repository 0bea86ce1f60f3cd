package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.policies.relationship.Relationship;
import dev.meshplay.gitops.policies.relationship.RelationshipInference;
import dev.meshplay.gitops.policies.relationship.RelationshipType;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes objects as one Meshery design ({@code designs.meshery.io/v1beta1}) that renders back to
 * the same objects: {@code displayName} is the name, {@code component.kind}/{@code version} the
 * kind and apiVersion, {@code configuration} the rest of the body. Secrets are annotation
 * components (references: never rendered, never applied). Relationships are the ones {@link
 * RelationshipInference} finds between the objects. Ids are derived from the objects' identities,
 * so exporting the same objects again writes the same file.
 */
final class DesignWriter {
  static final String SCHEMA = "designs.meshery.io/v1beta1";

  private DesignWriter() {}

  static String write(String name, List<ExportedObject> objects) {
    Map<ObjectRef, String> ids = new HashMap<>();
    List<Object> components = new ArrayList<>();
    for (ExportedObject object : objects) {
      String id = uuid("component " + object.ref());
      ids.put(object.ref(), id);
      components.add(component(id, object));
    }
    Map<String, Object> design = new LinkedHashMap<>();
    design.put("id", uuid("design " + name));
    design.put("name", name);
    design.put("schemaVersion", SCHEMA);
    design.put("version", "0.0.1");
    design.put("components", components);
    design.put("relationships", relationships(objects, ids));
    return "# Exported by meshplay-gitops export: live objects, without the fields the API server"
        + " fills in.\n"
        + YamlText.of(design);
  }

  private static Map<String, Object> component(String id, ExportedObject object) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("schemaVersion", "components.meshery.io/v1beta1");
    c.put("version", "v1.0.0");
    c.put("displayName", object.ref().name());
    if (object.reference()) {
      c.put(
          "description",
          "Reference only: export never copies a Secret's data, and the daemon never applies or"
              + " deletes it.");
    }
    c.put("format", "JSON");
    c.put(
        "component",
        map("kind", object.ref().kind(), "version", object.ref().apiVersion(), "schema", ""));
    c.put(
        "model",
        map(
            "name",
            object.model(),
            "version",
            "v1.0.0",
            "schemaVersion",
            "models.meshery.io/v1beta1"));
    c.put("metadata", map("isNamespaced", object.namespaced(), "isAnnotation", object.reference()));
    c.put("configuration", configuration(object));
    return c;
  }

  /** The body without what Meshery derives from the component: apiVersion, kind, name. */
  private static Map<String, Object> configuration(ExportedObject object) {
    Map<String, Object> configuration = new LinkedHashMap<>();
    Map<String, Object> metadata = new LinkedHashMap<>();
    if (object.body().get("metadata") instanceof Map<?, ?> meta) {
      for (String key : List.of("namespace", "labels", "annotations")) {
        if (meta.get(key) != null && (object.namespaced() || !key.equals("namespace"))) {
          metadata.put(key, meta.get(key));
        }
      }
    }
    if (!metadata.isEmpty()) {
      configuration.put("metadata", metadata);
    }
    object
        .body()
        .forEach(
            (key, value) -> {
              if (!List.of("apiVersion", "kind", "metadata").contains(key)) {
                configuration.put(key, value);
              }
            });
    return configuration;
  }

  private static List<Object> relationships(
      List<ExportedObject> objects, Map<ObjectRef, String> ids) {
    List<RenderedObject> rendered =
        objects.stream().map(o -> new RenderedObject(o.ref(), o.body(), null)).toList();
    List<Object> relationships = new ArrayList<>();
    for (Relationship edge : RelationshipInference.infer(rendered).edges()) {
      if (edge.type() == RelationshipType.WALLET) {
        continue; // a declared wallet patches its parent when rendered: not a description
      }
      // Meshery reads hierarchical relationships child (from) to parent (to).
      boolean hierarchical = edge.type().kind().equals("hierarchical");
      ObjectRef from = hierarchical ? edge.to() : edge.from();
      ObjectRef to = hierarchical ? edge.from() : edge.to();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", uuid("relationship " + edge));
      r.put("schemaVersion", "relationships.meshery.io/v1beta2");
      r.put("version", "v1.0.0");
      r.put("kind", edge.type().kind());
      r.put("type", edge.type().type());
      r.put("subType", edge.type().subType());
      r.put("status", "approved");
      r.put("model", map("name", "kubernetes", "version", "v1.0.0"));
      r.put("metadata", map("description", "inferred from " + edge.via()));
      r.put(
          "selectors",
          List.of(map("allow", map("from", List.of(end(from, ids)), "to", List.of(end(to, ids))))));
      relationships.add(r);
    }
    return relationships;
  }

  private static Map<String, Object> end(ObjectRef ref, Map<ObjectRef, String> ids) {
    return map("id", ids.get(ref), "kind", ref.kind(), "model", map("name", "kubernetes"));
  }

  static String uuid(String identity) {
    return UUID.nameUUIDFromBytes(("meshplay-export " + identity).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
