package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.access.Credential;
import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads the daemon's YAML configuration into a {@link DaemonConfig}. Every mistake names the file
 * and the setting, e.g. {@code serve.yaml: sources[0].url: required}.
 *
 * <pre>
 * port: 8080
 * workDir: /var/lib/meshplay-gitops
 * interval: 30s
 * sources:
 *   - name: platform
 *     url: https://git.example.com/platform/designs.git
 *     branch: main
 *     pullRequestRefs: [refs/pull/*&#47;head]   # planned read-only, see docs/pull-requests.md
 * cluster:
 *   name: prod
 *   kubeconfig: /etc/meshplay/kubeconfig
 *   context: prod
 * web:
 *   auth:                          # optional; see docs/configuration.md
 *     bearerToken: {env: MESHPLAY_WEB_TOKEN}
 *     basic: {username: admin, password: {file: /etc/meshplay/web-password}}
 *     protectMetrics: true
 * </pre>
 */
public final class ConfigLoader {
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "host",
          "port",
          "workDir",
          "interval",
          "sources",
          "cluster",
          "clusters",
          "inventoryNamespace",
          "web",
          "sharding",
          "schedules",
          "prometheus");
  private static final java.util.regex.Pattern DNS_LABEL =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ConfigLoader() {}

  public static DaemonConfig load(Path file) {
    String name = file.getFileName().toString();
    Object root;
    try {
      root =
          new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
              .loadFromString(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    } catch (MarkedYamlEngineException e) {
      throw new ConfigException(
          name
              + ":"
              + (e.getProblemMark().map(m -> m.getLine() + 1).orElse(1))
              + ": invalid YAML: "
              + e.getProblem(),
          e);
    }
    Settings settings = new Settings(name, "", root);
    settings.rejectUnknown(TOP_LEVEL);
    Path base = file.toAbsolutePath().getParent();
    return new DaemonConfig(
            settings.string("host", "127.0.0.1"),
            settings.port("port", 8080),
            base.resolve(settings.string("workDir", ".meshplay-gitops")),
            settings.duration("interval", Duration.ofSeconds(30)),
            sources(settings, base),
            clusters(settings, base),
            webhookSecrets(settings, base),
            forges(settings, base))
        .withInventoryNamespace(inventoryNamespace(settings))
        .withAccess(access(settings, base))
        .withSharding(ScaleSettings.sharding(settings.child("sharding"), base))
        .withSchedules(ScaleSettings.schedules(settings.child("schedules"), base))
        .withPrometheus(prometheus(settings));
  }

  /** {@code prometheus}: an http(s) URL scheduled benchmark runs read server metrics from. */
  private static java.net.URI prometheus(Settings settings) {
    String url = settings.string("prometheus", null);
    if (url == null) {
      return null;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below, with the setting's name
    }
    throw settings.error("prometheus", "'" + url + "' is not an http(s) URL");
  }

  /** {@code inventoryNamespace}: a namespace name, created by the daemon when missing. */
  private static String inventoryNamespace(Settings settings) {
    String namespace =
        settings.string("inventoryNamespace", DaemonConfig.DEFAULT_INVENTORY_NAMESPACE);
    if (!DNS_LABEL.matcher(namespace).matches()) {
      throw settings.error(
          "inventoryNamespace",
          "'"
              + namespace
              + "' is not a namespace name (lower-case letters, digits and '-', at most 63)");
    }
    return namespace;
  }

  /** {@code web.auth}: credentials for the pages and the API, each secret from env or file. */
  private static WebAccess access(Settings settings, Path base) {
    Settings web = settings.child("web");
    if (web == null) {
      return WebAccess.open();
    }
    web.rejectUnknown(Set.of("auth"));
    Settings auth = web.child("auth");
    if (auth == null) {
      return WebAccess.open();
    }
    auth.rejectUnknown(Set.of("bearerToken", "basic", "protectMetrics"));
    List<Credential> credentials = new ArrayList<>();
    if (auth.child("bearerToken") != null) {
      credentials.add(new Credential.Bearer(secret(auth, "bearerToken", base)));
    }
    Settings basic = auth.child("basic");
    if (basic != null) {
      basic.rejectUnknown(Set.of("username", "password"));
      String user = basic.required("username");
      if (user.contains(":")) {
        throw basic.error("username", "must not contain ':'");
      }
      credentials.add(new Credential.Basic(user, secret(basic, "password", base)));
    }
    if (credentials.isEmpty()) {
      throw auth.error("bearerToken", "set bearerToken, basic, or both (or remove web.auth)");
    }
    Object metrics = auth.value("protectMetrics");
    if (metrics != null && !(metrics instanceof Boolean)) {
      throw auth.error("protectMetrics", "expected true or false, got '" + metrics + "'");
    }
    return new WebAccess(credentials, !Boolean.FALSE.equals(metrics));
  }

  /**
   * {@code KEY: {env: NAME}} or {@code {file: PATH}}, read once now so a missing variable or file
   * stops the start with the setting's name; at each request it is read again (rotation).
   */
  static Secret secret(Settings parent, String key, Path base) {
    if (!(parent.value(key) instanceof Map<?, ?>)) {
      // Never echo the value: it may be the secret itself, written inline by mistake.
      throw parent.error(key, "expected {env: NAME} or {file: PATH}; a secret is never inline");
    }
    Settings secret = parent.child(key);
    secret.rejectUnknown(Set.of("env", "file"));
    String env = secret.string("env", null);
    String file = secret.string("file", null);
    if ((env == null) == (file == null)) {
      throw parent.error(key, "give exactly one of env or file");
    }
    Secret value = env != null ? Secret.env(env) : Secret.file(base.resolve(file));
    String revealed;
    try {
      revealed = value.reveal();
    } catch (IllegalStateException e) {
      throw parent.error(key, e.getMessage());
    }
    if (revealed.isEmpty()) {
      throw parent.error(key, "is empty");
    }
    return value;
  }

  /** {@code sources[].forge}: where a source's pull-request plans are published. */
  private static java.util.Map<String, ForgeConfig> forges(Settings settings, Path base) {
    java.util.Map<String, ForgeConfig> forges = new java.util.LinkedHashMap<>();
    for (Settings item : settings.list("sources")) {
      Settings forge = item.child("forge");
      if (forge != null) {
        forges.put(item.required("name"), forge(forge, base));
      }
    }
    return forges;
  }

  private static ForgeConfig forge(Settings forge, Path base) {
    forge.rejectUnknown(
        Set.of("kind", "apiUrl", "repository", "tokenEnv", "tokenFile", "statusPage"));
    ForgeConfig.Kind kind = ForgeConfig.Kind.parse(forge.required("kind"));
    if (kind == null) {
      throw forge.error("kind", "must be github, gitea, forgejo or gitlab");
    }
    String apiUrl = forge.string("apiUrl", kind.defaultApiUrl());
    if (apiUrl == null) {
      throw forge.error("apiUrl", "required for " + forge.required("kind"));
    }
    String env = forge.string("tokenEnv", null);
    String file = forge.string("tokenFile", null);
    if ((env == null) == (file == null)) {
      throw forge.error("tokenEnv", "set exactly one of tokenEnv and tokenFile");
    }
    return new ForgeConfig(
        kind,
        apiUrl,
        forge.required("repository"),
        env != null ? Secret.env(env) : Secret.file(base.resolve(file)),
        forge.string("statusPage", null));
  }

  private static List<GitSource> sources(Settings settings, Path base) {
    List<GitSource> sources = new ArrayList<>();
    List<Settings> items = settings.list("sources");
    if (items.isEmpty()) {
      throw settings.error("sources", "at least one source is required");
    }
    Set<String> names = new java.util.HashSet<>();
    for (Settings item : items) {
      item.rejectUnknown(
          Set.of(
              "name",
              "url",
              "branch",
              "credentials",
              "webhookSecret",
              "pullRequestRefs",
              "forge",
              "timeout"));
      // Two sources of one name would share a mirror directory, an inventory and a status row.
      if (!names.add(String.valueOf(item.value("name")))) {
        throw item.error("name", "source '" + item.value("name") + "' is configured twice");
      }
      try {
        GitSource source =
            new GitSource(
                    item.required("name"), item.required("url"), item.string("branch", "main"))
                .withCredentials(SourceCredentials.read(item, base))
                .withTimeout(timeout(item));
        List<String> pullRequests = item.strings("pullRequestRefs");
        sources.add(pullRequests.isEmpty() ? source : source.withPullRequestRefs(pullRequests));
      } catch (IllegalArgumentException e) {
        throw item.error("name", e.getMessage());
      }
    }
    return sources;
  }

  /** {@code sources[].timeout}: JGit counts it in whole seconds. */
  private static Duration timeout(Settings item) {
    Duration timeout = item.duration("timeout", GitSource.DEFAULT_TIMEOUT);
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw item.error("timeout", "must be at least 1s, got " + timeout.toMillis() + "ms");
    }
    return timeout;
  }

  /** {@code webhookSecret: {env: NAME}} or {@code {file: PATH}} per source. */
  private static java.util.Map<String, Secret> webhookSecrets(Settings settings, Path base) {
    java.util.Map<String, Secret> secrets = new java.util.LinkedHashMap<>();
    for (Settings item : settings.list("sources")) {
      Settings secret = item.child("webhookSecret");
      if (secret == null) {
        continue;
      }
      secret.rejectUnknown(Set.of("env", "file"));
      String env = secret.string("env", null);
      String file = secret.string("file", null);
      if ((env == null) == (file == null)) {
        throw item.error("webhookSecret", "give exactly one of env or file");
      }
      Secret value = env != null ? Secret.env(env) : Secret.file(base.resolve(file));
      // Read once now so a missing variable or file stops the start, not the first webhook; the
      // message names the variable or file, never the value.
      try {
        value.reveal();
      } catch (IllegalStateException e) {
        throw item.error("webhookSecret", e.getMessage());
      }
      secrets.put(item.required("name"), value);
    }
    return secrets;
  }

  private static List<ClusterConfig> clusters(Settings settings, Path base) {
    if (settings.value("cluster") != null && settings.value("clusters") != null) {
      throw settings.error("cluster", "use either cluster or clusters, not both");
    }
    Settings single = settings.child("cluster");
    if (single != null) {
      return List.of(cluster(single, base, "default"));
    }
    List<Settings> items = settings.list("clusters");
    if (items.isEmpty()) {
      return List.of(ClusterConfig.sandbox());
    }
    List<ClusterConfig> clusters = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (Settings item : items) {
      ClusterConfig cluster = cluster(item, base, null);
      if (!names.add(cluster.name())) {
        throw item.error("name", "cluster '" + cluster.name() + "' is configured twice");
      }
      clusters.add(cluster);
    }
    return clusters;
  }

  private static ClusterConfig cluster(Settings cluster, Path base, String defaultName) {
    cluster.rejectUnknown(
        Set.of("name", "kubeconfig", "context", "sandbox", "labels", "inCluster"));
    String name = defaultName == null ? cluster.required("name") : cluster.string("name", null);
    java.util.Map<String, String> labels = cluster.labels("labels");
    Object sandbox = cluster.value("sandbox");
    if (sandbox != null && !(sandbox instanceof Boolean)) {
      throw cluster.error("sandbox", "true or false expected, found '" + sandbox + "'");
    }
    if (Boolean.TRUE.equals(cluster.value("inCluster"))) {
      if (cluster.value("kubeconfig") != null || sandbox != null) {
        throw cluster.error("inCluster", "use either inCluster, kubeconfig or sandbox");
      }
      return ClusterConfig.inCluster(name == null ? defaultName : name, labels);
    }
    if (Boolean.TRUE.equals(sandbox)) {
      return ClusterConfig.sandbox(name == null ? "sandbox" : name, labels);
    }
    Path kubeconfig = base.resolve(cluster.required("kubeconfig"));
    if (!Files.isReadable(kubeconfig)) {
      throw cluster.error("kubeconfig", "cannot read " + kubeconfig);
    }
    return new ClusterConfig(
        name == null ? defaultName : name, kubeconfig, cluster.string("context", null), labels);
  }

  /** A map of settings at a path in the file, with typed getters that name what is wrong. */
  record Settings(String file, String path, Object node) {

    Object value(String key) {
      return node instanceof Map<?, ?> map ? map.get(key) : null;
    }

    ConfigException error(String key, String message) {
      return new ConfigException(file + ": " + path + key + ": " + message);
    }

    void rejectUnknown(Set<String> known) {
      if (!(node instanceof Map<?, ?> map)) {
        throw new ConfigException(
            file
                + ": "
                + (path.isEmpty() ? "(top level)" : path.substring(0, path.length() - 1))
                + ": expected a map of settings");
      }
      for (Object key : map.keySet()) {
        if (!known.contains(String.valueOf(key))) {
          throw error(
              String.valueOf(key),
              "unknown setting (known: "
                  + String.join(", ", known.stream().sorted().toList())
                  + ")");
        }
      }
    }

    String string(String key, String fallback) {
      Object v = value(key);
      if (v == null) {
        return fallback;
      }
      if (v instanceof Map<?, ?> || v instanceof List<?>) {
        throw error(key, "expected a string");
      }
      return String.valueOf(v);
    }

    String required(String key) {
      String v = string(key, null);
      if (v == null || v.isBlank()) {
        throw error(key, "required");
      }
      return v;
    }

    int port(String key, int fallback) {
      Object v = value(key);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Integer port) || port < 0 || port > 65535) {
        throw error(key, "expected a port number from 0 to 65535, got '" + v + "'");
      }
      return port;
    }

    Duration duration(String key, Duration fallback) {
      String v = string(key, null);
      if (v == null) {
        return fallback;
      }
      try {
        return Durations.parse(v);
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }

    /** A list of plain strings, e.g. ref globs; empty when absent. */
    List<String> strings(String key) {
      Object v = value(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String))) {
        throw error(key, "must be a list of strings");
      }
      return list.stream().map(String.class::cast).toList();
    }

    List<Settings> list(String key) {
      Object v = value(key);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        throw error(key, "expected a list");
      }
      List<Settings> items = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        items.add(new Settings(file, path + key + "[" + i + "].", list.get(i)));
      }
      return items;
    }

    java.util.Map<String, String> labels(String key) {
      Object v = value(key);
      if (v == null) {
        return java.util.Map.of();
      }
      if (!(v instanceof Map<?, ?> map)) {
        throw error(key, "expected a map of label names to values");
      }
      java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
      map.forEach((k, val) -> labels.put(String.valueOf(k), String.valueOf(val)));
      return labels;
    }

    Settings child(String key) {
      Object v = value(key);
      return v == null ? null : new Settings(file, path + key + ".", v);
    }
  }
}
