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
}
