package dev.meshplay.gitops.perf.profile;

import dev.meshplay.gitops.perf.regression.RegressionSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fields of a profile while its file is read; {@link #build} makes the immutable value. */
final class ProfileDraft {

  static final Set<String> GENERATORS =
      Set.of(BenchmarkProfile.BUILTIN, "wrk", "wrk2", "hey", "fortio", "nighthawk");

  String id;
  String name;
  Dialect dialect;
  String loadGenerator = BenchmarkProfile.BUILTIN;
  final List<Map.Entry<Integer, String>> endpointTexts = new ArrayList<>();
  int connections = 1;
  double qps;
  Duration duration = Duration.ofSeconds(30);
  Duration warmup = Duration.ZERO;
  Duration timeout = Duration.ofSeconds(10);
  String method;
  Map<String, String> headers = new LinkedHashMap<>();
  Map<String, String> cookies = new LinkedHashMap<>();
  String body = "";
  String contentType = "";
  Optional<CronSchedule> schedule = Optional.empty();
  final List<Threshold> thresholds = new ArrayList<>();
  Target target;
  final Map<String, String> labels = new LinkedHashMap<>();
  String generatorOptions = "";
  RegressionSettings regression = RegressionSettings.DEFAULTS;
  boolean canary;

  /** Sets the generator from the first listed name, checking it is one we can run. */
  void generator(ProfileFields fields, List<Map.Entry<Integer, String>> names, String key) {
    if (names.isEmpty()) {
      return;
    }
    String first = names.get(0).getValue().trim().toLowerCase(Locale.ROOT);
    if (!GENERATORS.contains(first)) {
      fields.error(
          names.get(0).getKey(),
          key + ": unknown load generator '" + first + "' (use one of " + sorted(GENERATORS) + ")");
      return;
    }
    if (names.size() > 1) {
      fields.warning(names.get(1).getKey(), key + ": only the first load generator runs");
    }
    loadGenerator = first;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  BenchmarkProfile build(ProfileFields fields, String source) {
    List<URI> endpoints = new ArrayList<>();
    for (Map.Entry<Integer, String> text : endpointTexts) {
      Optional<URI> uri = httpUri(text.getValue());
      if (uri.isEmpty()) {
        fields.error(text.getKey(), "endpoint '" + text.getValue() + "' is not an http(s) URL");
      } else {
        endpoints.add(uri.get());
      }
    }
    if (endpoints.isEmpty() && target instanceof Target.Url url) {
      endpoints.add(url.uri());
    }
    if (endpoints.isEmpty() && target instanceof Target.Service service) {
      // The in-cluster address; the daemon rebases it onto an address it can reach.
      endpoints.add(service.clusterUri());
    }
    if (endpoints.isEmpty() && endpointTexts.isEmpty()) {
      fields.error(
          fields.line(), "no endpoint: list the URLs to load under endpoints, or name a target");
    }
    if (name == null || name.isBlank()) {
      fields.error(fields.line(), "name is required");
    }
    if (target == null && !endpoints.isEmpty()) {
      target = new Target.Url(endpoints.get(0));
    }
    String verb =
        method != null ? method.toUpperCase(Locale.ROOT) : body.isEmpty() ? "GET" : "POST";
    return new BenchmarkProfile(
        id,
        name,
        source,
        dialect,
        loadGenerator,
        endpoints,
        connections,
        qps,
        duration,
        warmup,
        timeout,
        verb,
        headers,
        cookies,
        body,
        contentType,
        schedule,
        thresholds,
        target,
        labels,
        generatorOptions,
        regression,
        canary);
  }

  static Optional<URI> httpUri(String text) {
    try {
      URI uri = new URI(text.trim());
      boolean http =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
