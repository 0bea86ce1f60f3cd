package dev.meshplay.gitops.policies.relationship;

/** The relationship classes Meshplay infers, named with Meshery's {@code kind/type/subType}. */
public enum RelationshipType {
  /** Namespace → every object in it. */
  INVENTORY("hierarchical", "parent", "inventory"),
  /** Service → the workloads whose pod template its selector matches. */
  NETWORK("edge", "non-binding", "network"),
  /** ConfigMap, Secret or PersistentVolumeClaim → the workload that mounts it as a volume. */
  MOUNT("edge", "binding", "mount"),
  /**
   * A by-name reference: Ingress → Service, HPA → scale target, RoleBinding → Role and
   * ServiceAccount, ConfigMap/Secret → workload (env), PodDisruptionBudget → workload, workload →
   * ServiceAccount.
   */
  REFERENCE("edge", "non-binding", "reference"),
  /** NetworkPolicy → the workloads its pod selector matches. */
  FIREWALL("edge", "non-binding", "firewall"),
  /** WASMFilter → the EnvoyFilter that loads it. */
  WALLET("hierarchical", "parent", "wallet");

  private final String kind;
  private final String type;
  private final String subType;

  RelationshipType(String kind, String type, String subType) {
    this.kind = kind;
    this.type = type;
    this.subType = subType;
  }

  public String kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String subType() {
    return subType;
  }

  /** {@code kind/type/subType}. */
  public String vocabulary() {
    return kind + "/" + type + "/" + subType;
  }

  /** The class with this Meshery name, or null when Meshplay does not infer it. */
  public static RelationshipType of(String kind, String type, String subType) {
    for (RelationshipType t : values()) {
      if (t.kind.equalsIgnoreCase(kind)
          && t.type.equalsIgnoreCase(type)
          && t.subType.equalsIgnoreCase(subType)) {
        return t;
      }
    }
    return null;
  }
}
