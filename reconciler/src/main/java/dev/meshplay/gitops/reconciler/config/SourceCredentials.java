package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.Credentials;
import dev.meshplay.gitops.reconciler.config.ConfigLoader.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code sources[].credentials}: how a source authenticates to its remote. Secrets come only from
 * an environment variable or a file, as everywhere in the configuration:
 *
 * <pre>
 * credentials: {token: {env: GIT_TOKEN}}                         # HTTPS access token
 * credentials: {username: deploy, password: {file: git-password}} # HTTPS basic
 * credentials: {sshKey: id_ed25519, knownHosts: known_hosts}      # SSH, paths beside the file
 * </pre>
 */
final class SourceCredentials {
  private SourceCredentials() {}

  static Credentials read(Settings source, Path base) {
    Settings credentials = source.child("credentials");
    if (credentials == null) {
      return new Credentials.None();
    }
    credentials.rejectUnknown(Set.of("token", "username", "password", "sshKey", "knownHosts"));
    boolean token = credentials.value("token") != null;
    boolean basic = credentials.value("username") != null || credentials.value("password") != null;
    boolean ssh = credentials.value("sshKey") != null || credentials.value("knownHosts") != null;
    if ((token ? 1 : 0) + (basic ? 1 : 0) + (ssh ? 1 : 0) != 1) {
      throw source.error(
          "credentials", "give exactly one of token, username and password, or sshKey");
    }
    if (token) {
      return new Credentials.Token(ConfigLoader.secret(credentials, "token", base));
    }
    if (basic) {
      String username = credentials.required("username");
      if (credentials.value("password") == null) {
        throw credentials.error("password", "required with username");
      }
      return new Credentials.Basic(username, ConfigLoader.secret(credentials, "password", base));
    }
    return new Credentials.SshKey(
        readable(credentials, "sshKey", base), readable(credentials, "knownHosts", base));
  }

  private static Path readable(Settings credentials, String key, Path base) {
    Path file = base.resolve(credentials.required(key));
    if (!Files.isReadable(file)) {
      throw credentials.error(key, "cannot read " + file);
    }
    return file;
  }
}
