package dev.meshplay.gitops.render.registry;

import com.networknt.schema.Error;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Models → component definitions → relationship definitions, merged from several sources: the
 * built-in Kubernetes core model, then CRDs found in a repository, then Meshery registry
 * directories, then (when connected) a cluster. A later source replaces an earlier definition of
 * the same apiVersion and kind. Immutable; {@link #with} returns a new registry that shares the
 * compiled-schema cache, so built-in schemas are compiled once per process.
 */
public final class ModelRegistry {
  private static volatile ModelRegistry kubernetes;

  private final Map<String, ComponentDefinition> components;
  private final List<RelationshipDefinition> relationships;
  private final SchemaCompiler compiler;

  private ModelRegistry(
      Map<String, ComponentDefinition> components,
      List<RelationshipDefinition> relationships,
      SchemaCompiler compiler) {
    this.components = components;
    this.relationships = relationships;
    this.compiler = compiler;
  }

  /** The built-in Kubernetes core model (generated at build time), loaded once per process. */
  public static ModelRegistry kubernetes() {
    ModelRegistry loaded = kubernetes;
    if (loaded == null) {
      synchronized (ModelRegistry.class) {
        if (kubernetes == null) {
          KubernetesModel model = KubernetesModel.load();
          kubernetes =
              new ModelRegistry(Map.of(), List.of(), new SchemaCompiler(model.definitions()))
                  .with(model.components(), List.of());
        }
        loaded = kubernetes;
      }
    }
    return loaded;
  }

  /**
   * This registry plus more definitions, which win over existing ones of the same apiVersion and
   * kind (the merge order is the order of calls).
   */
  public ModelRegistry with(
      Collection<ComponentDefinition> more, Collection<RelationshipDefinition> moreRelationships) {
    if (more.isEmpty() && moreRelationships.isEmpty()) {
      return this;
    }
    Map<String, ComponentDefinition> merged = new LinkedHashMap<>(components);
    more.forEach(definition -> merged.put(definition.key(), definition));
    List<RelationshipDefinition> allRelationships = new ArrayList<>(relationships);
    allRelationships.addAll(moreRelationships);
    return new ModelRegistry(Map.copyOf(merged), List.copyOf(allRelationships), compiler);
  }

  public Optional<ComponentDefinition> component(String apiVersion, String kind) {
    return Optional.ofNullable(components.get(ComponentDefinition.key(apiVersion, kind)));
  }

  /** The apiVersions a kind is known in, sorted: suggestions for an unknown apiVersion. */
  public List<String> apiVersionsOf(String kind) {
    var versions = new TreeSet<String>();
    components.values().stream()
        .filter(d -> d.kind().equals(kind))
        .forEach(d -> versions.add(d.apiVersion()));
    return List.copyOf(versions);
  }

  public Collection<ComponentDefinition> components() {
    return components.values();
  }

  public List<RelationshipDefinition> relationships() {
    return relationships;
  }

  /**
   * Validates an object body against a definition's schema, compiled once and cached.
   *
   * @param strict also reject fields the schema does not list
   * @throws RuntimeException when the schema itself cannot be compiled
   */
  public List<Error> validate(ComponentDefinition definition, JsonNode body, boolean strict) {
    return compiler.compile(definition, strict).validate(body);
  }
}
