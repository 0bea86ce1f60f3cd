package dev.meshplay.gitops.reconciler.settings;

/** meshplay.yaml is wrong: the message is {@code meshplay.yaml:line:column: what}. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
