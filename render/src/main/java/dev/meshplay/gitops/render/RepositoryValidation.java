package dev.meshplay.gitops.render;

import dev.meshplay.gitops.render.registry.ComponentDefinition;
import dev.meshplay.gitops.render.registry.CrdModels;
import dev.meshplay.gitops.render.registry.MesheryRegistryDirectory;
import dev.meshplay.gitops.render.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a repository's rendered designs against a registry merged in this order: the
 * validator's own (the built-in Kubernetes model, plus whatever its host added), every
 * CustomResourceDefinition the repository renders, then the Meshery registry directory {@code
 * models/}. Later definitions of the same apiVersion and kind win.
 */
final class RepositoryValidation {
  static final String MODELS_DIRECTORY = "models";

  private RepositoryValidation() {}

  /**
   * Renderers place unknown kinds as namespaced (the safe default for custom resources); once the
   * registry knows a kind is cluster-scoped (a CRD with {@code scope: Cluster}, a model), its
   * objects lose the namespace they were given.
   */
  static RenderedObject scoped(RenderedObject object, ModelRegistry registry) {
    ObjectRef ref = object.ref();
    if (ref.namespace() == null) {
      return object;
    }
    return registry
        .component(ref.apiVersion(), ref.kind())
        .filter(definition -> !definition.namespaced())
        .map(
            definition -> {
              var body = new java.util.LinkedHashMap<>(object.body());
              var metadata = new java.util.LinkedHashMap<>(Namespacing.metadata(body));
              metadata.remove("namespace");
              body.put("metadata", metadata);
              return new RenderedObject(
                  new ObjectRef(ref.apiVersion(), ref.kind(), null, ref.name()),
                  body,
                  object.provenance());
            })
        .orElse(object);
  }

  static void validate(Path root, List<DesignBuilder> designs, Validator validator) {
    validate(root, designs, validator, null, "");
  }

  /**
   * @param cache where validations of unchanged designs are kept, or null
   * @param context what else every object's validation depends on (committed module digests)
   */
  static void validate(
      Path root,
      List<DesignBuilder> designs,
      Validator validator,
      DesignCache cache,
      String context) {
    List<ComponentDefinition> crds = new ArrayList<>();
    StringBuilder crdBodies = new StringBuilder();
    for (DesignBuilder design : designs) {
      for (RenderedObject object : design.objects()) {
        ObjectRef ref = object.ref();
        if (CrdModels.isCrd(ref.apiVersion(), ref.kind())) {
          crdBodies.append(object.body());
          try {
            crds.addAll(CrdModels.definitions(object.body(), object.provenance().toString()));
          } catch (IllegalArgumentException e) {
            Provenance at = object.provenance();
            design.report(Diagnostic.error(at.file(), at.line(), 0, ref + ": " + e.getMessage()));
          }
        }
      }
    }
    ModelRegistry registry = validator.registry().with(crds, List.of());
    Path models = root.resolve(MODELS_DIRECTORY);
    String registryHash = "";
    if (cache != null) {
      InputHash hash = InputHash.under(root).text(context).text(crdBodies.toString());
      registryHash = (Files.isDirectory(models) ? hash.path(MODELS_DIRECTORY) : hash).hex();
    }
    if (Files.isDirectory(models)) {
      var contents = MesheryRegistryDirectory.read(models);
      registry = registry.with(contents.components(), contents.relationships());
      if (!contents.problems().isEmpty()) {
        var registryDesign =
            new DesignBuilder(MODELS_DIRECTORY, "model registry", DesignFormat.MODEL_REGISTRY);
        for (var problem : contents.problems()) {
          String file = root.relativize(problem.file()).toString().replace('\\', '/');
          registryDesign.report(Diagnostic.error(file, 0, 0, problem.message()));
        }
        designs.add(registryDesign);
      }
    }
    var objects = new ObjectValidator(registry, validator.mode());
    for (DesignBuilder design : designs) {
      String key = design.inputHash() == null ? null : design.inputHash() + " " + registryHash;
      DesignCache.Validated kept =
          cache == null || key == null ? null : cache.validated(design.key(), key);
      if (kept != null) {
        design.objects().clear();
        design.objects().addAll(kept.objects());
        design.reportAll(kept.diagnostics());
      } else {
        validate(design, registry, objects, cache, key);
      }
      if (validator.mode() == ValidationMode.STRICT) {
        design.diagnostics().replaceAll(d -> d.isError() ? d : d.withSeverity(Severity.ERROR));
      }
    }
  }

  /** Scopes and validates one design's objects; keeps the outcome when there is a cache key. */
  private static void validate(
      DesignBuilder design,
      ModelRegistry registry,
      ObjectValidator objects,
      DesignCache cache,
      String key) {
    int before = design.diagnostics().size();
    design.objects().replaceAll(object -> scoped(object, registry));
    for (RenderedObject object : design.objects()) {
      design.reportAll(objects.validate(object, design.locator(object)));
    }
    if (cache != null && key != null) {
      List<Diagnostic> added = design.diagnostics().subList(before, design.diagnostics().size());
      cache.keepValidated(
          design.key(),
          key,
          new DesignCache.Validated(List.copyOf(design.objects()), List.copyOf(added)));
    }
  }
}
