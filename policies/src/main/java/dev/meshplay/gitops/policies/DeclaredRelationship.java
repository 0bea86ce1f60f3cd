package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;

/**
 * A relationship a Meshery design declares between two of its components, resolved to the objects
 * they render to. Checked against the inferred graph: declared but not true is a finding.
 *
 * @param kind Meshery's relationship kind ({@code hierarchical}, {@code edge}, {@code sibling})
 * @param type e.g. {@code parent}, {@code non-binding}, {@code binding}
 * @param subType e.g. {@code inventory}, {@code network}, {@code mount}, {@code reference}
 * @param location where the relationship is declared, for the finding
 */
public record DeclaredRelationship(
    String kind, String type, String subType, ObjectRef from, ObjectRef to, Provenance location) {

  /** {@code kind/type/subType}, Meshery's name for the relationship class. */
  public String vocabulary() {
    return kind + "/" + type + "/" + subType;
  }

  /**
   * Every relationship the designs of {@code rendered} declare, by design key: each pair of a
   * {@code from} end and a {@code to} end that both rendered to an object.
   */
  public static java.util.Map<String, java.util.List<DeclaredRelationship>> of(
      dev.meshplay.gitops.render.RenderedSet rendered) {
    java.util.Map<String, java.util.List<DeclaredRelationship>> byDesign =
        new java.util.LinkedHashMap<>();
    for (var design : rendered.designs()) {
      java.util.List<DeclaredRelationship> declared = new java.util.ArrayList<>();
      for (var relationship : design.declaredRelationships()) {
        for (var from : relationship.from()) {
          for (var to : relationship.to()) {
            if (from.ref() != null && to.ref() != null) {
              declared.add(
                  new DeclaredRelationship(
                      relationship.kind(),
                      relationship.type(),
                      relationship.subType(),
                      from.ref(),
                      to.ref(),
                      relationship.provenance()));
            }
          }
        }
      }
      if (!declared.isEmpty()) {
        byDesign.put(design.key(), java.util.List.copyOf(declared));
      }
    }
    return byDesign;
  }
}
