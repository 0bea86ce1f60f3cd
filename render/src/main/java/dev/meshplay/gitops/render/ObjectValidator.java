package dev.meshplay.gitops.render;

import com.networknt.schema.Error;
import dev.meshplay.gitops.render.registry.ComponentDefinition;
import dev.meshplay.gitops.render.registry.CrdModels;
import dev.meshplay.gitops.render.registry.ModelRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one rendered object against the registry: its kind is known, its name follows DNS-1123,
 * and its body satisfies the component's JSON Schema. Each problem names the object, the JSON path
 * of the field and what was expected, at the line and column the field was written.
 */
final class ObjectValidator {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ModelRegistry registry;
  private final ValidationMode mode;

  ObjectValidator(ModelRegistry registry, ValidationMode mode) {
    this.registry = registry;
    this.mode = mode;
  }

  List<Diagnostic> validate(RenderedObject object, FieldLocator locator) {
    List<Diagnostic> found = new ArrayList<>();
    ObjectRef ref = object.ref();
    NameRules.name(ref)
        .ifPresent(
            why ->
                found.add(
                    error(
                        object,
                        locator,
                        List.of("metadata", "name"),
                        nameMessage(ref, "name", ref.name(), why))));
    if (ref.namespace() != null) {
      NameRules.label(ref.namespace())
          .ifPresent(
              why ->
                  found.add(
                      error(
                          object,
                          locator,
                          List.of("metadata", "namespace"),
                          nameMessage(ref, "namespace", ref.namespace(), why))));
    }
    var removed = RemovedApis.find(ref.apiVersion(), ref.kind());
    if (removed.isPresent()) {
      // Its schema is moot: no API server from that release on accepts the object at all.
      found.add(
          error(object, locator, List.of("apiVersion"), ref + ": " + removed.get().message()));
      return found;
    }
    Optional<ComponentDefinition> definition = registry.component(ref.apiVersion(), ref.kind());
    if (definition.isEmpty()) {
      if (!CrdModels.isCrd(ref.apiVersion(), ref.kind())) {
        found.add(unknown(object, locator));
      }
      return found;
    }
    List<Error> errors;
    try {
      boolean strict = mode == ValidationMode.STRICT;
      errors = registry.validate(definition.get(), JSON.valueToTree(object.body()), strict);
    } catch (RuntimeException e) {
      String source = definition.get().source();
      found.add(
          error(
              object,
              locator,
              List.of(),
              ref + ": the schema from " + source + " cannot be used: " + e.getMessage()));
      return found;
    }
    for (Error error : errors) {
      List<Object> path = SchemaErrors.path(error);
      found.add(
          error(
              object,
              locator,
              path,
              ref + ": " + SchemaErrors.jsonPath(path) + ": " + SchemaErrors.words(error)));
    }
    return found;
  }

  private static String nameMessage(ObjectRef ref, String what, String value, String why) {
    return ref + ": " + what + " \"" + value + "\" " + why;
  }

  private static Diagnostic error(
      RenderedObject object, FieldLocator locator, List<Object> path, String message) {
    return at(object, locator, path, Severity.ERROR, message);
  }

  private Diagnostic unknown(RenderedObject object, FieldLocator locator) {
    ObjectRef ref = object.ref();
    List<String> known = registry.apiVersionsOf(ref.kind());
    String hint =
        known.isEmpty()
            ? "; add its CRD to the repository or its Meshery model under models/"
            : "; known in " + String.join(", ", known);
    Severity severity = mode == ValidationMode.LENIENT ? Severity.WARNING : Severity.ERROR;
    return at(
        object,
        locator,
        List.of("apiVersion"),
        severity,
        ref + ": no model defines kind " + ref.kind() + " in " + ref.apiVersion() + hint);
  }

  private static Diagnostic at(
      RenderedObject object,
      FieldLocator locator,
      List<Object> path,
      Severity severity,
      String message) {
    Provenance provenance = object.provenance();
    String field = path.isEmpty() ? null : SchemaErrors.jsonPath(path);
    if (locator == null) {
      return new Diagnostic(severity, provenance.file(), provenance.line(), 0, message, field);
    }
    YamlNode.Position position = locator.locate(path);
    return new Diagnostic(
        severity, provenance.file(), position.line(), position.column(), message, field);
  }
}
