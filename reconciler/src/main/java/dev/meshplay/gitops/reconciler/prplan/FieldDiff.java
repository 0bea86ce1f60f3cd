package dev.meshplay.gitops.reconciler.prplan;

/**
 * One field a change rewrites: its value in the cluster (or the base design) and its value in Git.
 *
 * @param path the field, in {@code .spec.replicas} form
 * @param before the value now, rendered compactly; {@code null} when the field is absent
 * @param after the value Git asks for; {@code null} when Git drops it
 */
public record FieldDiff(String path, String before, String after) {

  /** {@code .spec.replicas: 2 → 3}, the line reports print. */
  public String line() {
    return path + ": " + shown(before) + " → " + shown(after);
  }

  private static String shown(String value) {
    return value == null ? "(absent)" : value;
  }
}
