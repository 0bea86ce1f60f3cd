package dev.meshplay.gitops.reconciler.config;

/** A configuration file is wrong; the message names the file and the setting. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
