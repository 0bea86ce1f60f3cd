package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.config.ConfigLoader.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Reads the settings of running several replicas: {@code sharding} and {@code schedules}. */
final class ScaleSettings {
  private static final java.util.regex.Pattern DNS_LABEL =
      java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ScaleSettings() {}

  /** {@code sharding:}; null when absent (one replica owns every cluster). */
  static ShardingConfig sharding(Settings sharding, Path base) {
    return sharding == null ? null : sharding(sharding, base, System::getenv);
  }

  static ShardingConfig sharding(Settings sharding, Path base, UnaryOperator<String> env) {
    sharding.rejectUnknown(
        Set.of(
            "namespace",
            "identity",
            "leaseDuration",
            "renewDeadline",
            "retryPeriod",
            "kubeconfig",
            "context"));
    String namespace = sharding.string("namespace", "meshplay-system");
    if (!DNS_LABEL.matcher(namespace).matches()) {
      throw sharding.error("namespace", "'" + namespace + "' is not a namespace name");
    }
    Duration lease = sharding.duration("leaseDuration", ShardingConfig.DEFAULT_LEASE);
    Duration renew = sharding.duration("renewDeadline", ShardingConfig.DEFAULT_RENEW);
    Duration retry = sharding.duration("retryPeriod", ShardingConfig.DEFAULT_RETRY);
    if (renew.compareTo(lease) >= 0) {
      throw sharding.error("renewDeadline", "must be shorter than leaseDuration (" + lease + ")");
    }
    if (retry.compareTo(renew) >= 0) {
      throw sharding.error("retryPeriod", "must be shorter than renewDeadline (" + renew + ")");
    }
    String kubeconfig = sharding.string("kubeconfig", null);
    Path file = kubeconfig == null ? null : base.resolve(kubeconfig);
    if (file != null && !Files.isReadable(file)) {
      throw sharding.error("kubeconfig", "cannot read " + file);
    }
    return new ShardingConfig(
        namespace,
        identity(sharding, env),
        lease,
        renew,
        retry,
        file,
        sharding.string("context", null));
  }

  /** A string, or {@code {env: NAME}}; default the host name (a pod's name in Kubernetes). */
  private static String identity(Settings sharding, UnaryOperator<String> env) {
    Object value = sharding.value("identity");
    if (value instanceof Map<?, ?>) {
      Settings ref = sharding.child("identity");
      ref.rejectUnknown(Set.of("env"));
      String variable = ref.required("env");
      String resolved = env.apply(variable);
      if (resolved == null || resolved.isBlank()) {
        throw sharding.error("identity", "environment variable " + variable + " is not set");
      }
      return resolved.strip();
    }
    String given = sharding.string("identity", null);
    if (given != null) {
      return given;
    }
    String host = env.apply("HOSTNAME");
    return host == null || host.isBlank()
        ? "meshplay-gitops-" + UUID.randomUUID().toString().substring(0, 8)
        : host;
  }

  /** {@code schedules:}; null when absent (schedules in memory). */
  static ScheduleStoreConfig schedules(Settings schedules, Path base) {
    if (schedules == null) {
      return null;
    }
    schedules.rejectUnknown(Set.of("jdbcUrl", "user", "password", "checkinInterval"));
    Secret password = null;
    Settings secret = schedules.child("password");
    if (secret != null) {
      secret.rejectUnknown(Set.of("env", "file"));
      String env = secret.string("env", null);
      String file = secret.string("file", null);
      if ((env == null) == (file == null)) {
        throw schedules.error("password", "give exactly one of env or file");
      }
      password = env != null ? Secret.env(env) : Secret.file(base.resolve(file));
    }
    try {
      return new ScheduleStoreConfig(
          schedules.required("jdbcUrl"),
          schedules.string("user", null),
          password,
          schedules.duration("checkinInterval", ScheduleStoreConfig.DEFAULT_CHECKIN));
    } catch (IllegalArgumentException e) {
      throw schedules.error("jdbcUrl", e.getMessage());
    }
  }
}
