package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Collects one design's objects and diagnostics while its files are read. */
final class DesignBuilder {
  private final String key;
  private final DesignFormat format;
  private String name;
  private int relationships;
  private final List<Relationship> declared = new ArrayList<>();
  private final List<RenderedObject> objects = new ArrayList<>();
  private final Map<RenderedObject, FieldLocator> locators = new IdentityHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private String inputHash;

  DesignBuilder(String key, String name, DesignFormat format) {
    this.key = key;
    this.name = name;
    this.format = format;
  }

  String key() {
    return key;
  }

  DesignFormat format() {
    return format;
  }

  List<RenderedObject> objects() {
    return objects;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Where the fields of an object were written; null when they cannot be traced (kustomize). */
  FieldLocator locator(RenderedObject object) {
    return locators.get(object);
  }

  DesignBuilder name(String name) {
    this.name = name;
    return this;
  }

  DesignBuilder relationships(int relationships) {
    this.relationships = relationships;
    return this;
  }

  DesignBuilder declare(Relationship relationship) {
    declared.add(relationship);
    return this;
  }

  DesignBuilder add(RenderedObject object) {
    objects.add(object);
    return this;
  }

  DesignBuilder add(RenderedObject object, FieldLocator locator) {
    locators.put(object, locator);
    return add(object);
  }

  DesignBuilder report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
    return this;
  }

  DesignBuilder reportAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
    return this;
  }

  /** The content hash of the files this design was rendered from, or null when not tracked. */
  String inputHash() {
    return inputHash;
  }

  DesignBuilder inputHash(String hash) {
    this.inputHash = hash;
    return this;
  }

  /** Adds what another builder collected (one file's manifests) to this one, in its order. */
  DesignBuilder absorb(DesignBuilder part) {
    for (RenderedObject object : part.objects) {
      add(object, part.locators.get(object));
    }
    diagnostics.addAll(part.diagnostics);
    return this;
  }

  /** An independent builder with the same content, so a kept render is never changed by use. */
  DesignBuilder copy() {
    DesignBuilder copy = new DesignBuilder(key, name, format);
    copy.relationships = relationships;
    copy.declared.addAll(declared);
    copy.objects.addAll(objects);
    copy.locators.putAll(locators);
    copy.diagnostics.addAll(diagnostics);
    copy.inputHash = inputHash;
    return copy;
  }

  boolean failed() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** A failed design carries no objects: none of it may be applied, half a design least of all. */
  RenderedDesign build() {
    List<RenderedObject> kept = failed() ? List.of() : objects;
    return new RenderedDesign(key, name, format, kept, diagnostics, relationships, declared);
  }
}
