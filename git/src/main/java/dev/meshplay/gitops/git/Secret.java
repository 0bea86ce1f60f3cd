package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a secret lives. Only the reference is a value: the secret itself is read at each use (so a
 * rotated token file is picked up) and never appears in {@code toString}, logs or errors.
 */
public sealed interface Secret {

  /** Reads the secret, using {@code env} to look up environment variables. */
  String reveal(UnaryOperator<String> env);

  /** Reads the secret from the process environment or the file system. */
  default String reveal() {
    return reveal(System::getenv);
  }

  static Secret env(String variable) {
    return new Env(variable);
  }

  static Secret file(Path path) {
    return new FromFile(path);
  }

  /** An environment variable holding the secret. */
  record Env(String variable) implements Secret {
    @Override
    public String reveal(UnaryOperator<String> env) {
      String value = env.apply(variable);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("environment variable " + variable + " is not set");
      }
      return value.strip();
    }
  }

  /** A file holding the secret; surrounding whitespace (a trailing newline) is ignored. */
  record FromFile(Path path) implements Secret {
    @Override
    public String reveal(UnaryOperator<String> env) {
      try {
        return Files.readString(path, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read secret file " + path + ": " + e, e);
      }
    }
  }
}
