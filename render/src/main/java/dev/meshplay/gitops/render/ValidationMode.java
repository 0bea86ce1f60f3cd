package dev.meshplay.gitops.render;

/** How strictly rendered objects are held to their models. */
public enum ValidationMode {
  /**
   * Fields a schema does not list are errors (kubeconform's {@code -strict}), and every warning
   * becomes an error.
   */
  STRICT,
  /** Schema violations, bad names and kinds no model defines are errors. */
  DEFAULT,
  /**
   * Kinds no model defines are warnings (kubeconform's {@code -ignore-missing-schemas}); what is
   * known is still checked.
   */
  LENIENT
}
