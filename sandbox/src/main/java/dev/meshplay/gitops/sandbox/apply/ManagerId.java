package dev.meshplay.gitops.sandbox.apply;

/**
 * Who owns a set of fields. As in the API server, an applier is one manager whatever API version it
 * applies with, while an updater is a different manager per API version, and the same name applying
 * and updating is two managers.
 */
public record ManagerId(String name, Operation operation, String apiVersion) {

  /** The two kinds of managedFields entries. */
  public enum Operation {
    Apply,
    Update
  }

  public ManagerId {
    apiVersion = operation == Operation.Apply ? "" : apiVersion;
  }

  public static ManagerId applier(String name) {
    return new ManagerId(name, Operation.Apply, "");
  }

  public static ManagerId updater(String name, String apiVersion) {
    return new ManagerId(name, Operation.Update, apiVersion);
  }

  /** As conflict messages print it: {@code "kubectl-edit" using apps/v1}, or {@code "gitops"}. */
  @Override
  public String toString() {
    String quoted = '"' + name + '"';
    return operation == Operation.Update ? quoted + " using " + apiVersion : quoted;
  }
}
