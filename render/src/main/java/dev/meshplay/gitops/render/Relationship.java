package dev.meshplay.gitops.render;

import java.util.List;

/**
 * A relationship a Meshery design declares between its components, with each end resolved to the
 * object it rendered to, for the policies module. Only the {@code allow} selectors are kept; {@code
 * from} and {@code to} are the union over all selectors.
 *
 * @param id the relationship's id in the design (may be null)
 * @param kind {@code hierarchical}, {@code edge} or {@code sibling}
 * @param type e.g. {@code parent}, {@code non-binding}
 * @param subType e.g. {@code inventory}, {@code wallet}, {@code network}
 * @param status e.g. {@code approved}; null when not written
 * @param provenance where the relationship is written (file and line, with the design id)
 */
public record Relationship(
    String id,
    String kind,
    String type,
    String subType,
    String status,
    List<End> from,
    List<End> to,
    Provenance provenance) {

  public Relationship {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }

  /**
   * One side of a relationship.
   *
   * @param componentId the component id the selector names; null for a wildcard selector
   * @param kind the kind the selector names ({@code *} when any)
   * @param ref the object the component rendered to; null when it renders to none (annotations,
   *     ignored components, wildcards, or ids that are not in the design)
   */
  public record End(String componentId, String kind, ObjectRef ref) {}

  /** {@code kind/type/subType}, as Meshery names relationship classes. */
  public String classification() {
    return kind + "/" + type + "/" + subType;
  }
}
