package dev.meshplay.gitops.perf.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads node CPU and memory over a benchmark's window from Prometheus' HTTP API ({@code
 * /api/v1/query_range}), the figures Meshery's Prometheus integration keeps beside a result.
 */
public final class PrometheusQueries {
  /** The default queries: what node-exporter exposes about the machine under load. */
  public static final Map<String, String> NODE =
      new LinkedHashMap<>(
          Map.of(
              "cpu_cores",
              "sum(rate(node_cpu_seconds_total{mode!=\"idle\"}[5s]))",
              "memory_bytes",
              "sum(node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes)"));

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PrometheusQueries(URI base) {
    this.base = base;
  }

  /** The Prometheus server queried. */
  public URI base() {
    return base;
  }

  /** Each of {@code queries} over [start, end] at a 1 s step, summarised. */
  public ResourceUsage collect(Map<String, String> queries, Instant start, Instant end)
      throws IOException, InterruptedException {
    List<ResourceUsage.Series> series = new ArrayList<>();
    for (Map.Entry<String, String> query : queries.entrySet()) {
      series.add(summarise(query.getKey(), query.getValue(), range(query.getValue(), start, end)));
    }
    return new ResourceUsage(base.toString(), series);
  }

  private JsonNode range(String query, Instant start, Instant end)
      throws IOException, InterruptedException {
    URI uri =
        base.resolve(
            "/api/v1/query_range?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&start="
                + start.getEpochSecond()
                + "&end="
                + Math.max(end.getEpochSecond(), start.getEpochSecond() + 1)
                + "&step=1");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "Prometheus " + base + " answered " + response.statusCode() + " to " + query);
    }
    return JsonMapper.builder().build().readTree(response.body());
  }

  private static ResourceUsage.Series summarise(String name, String query, JsonNode body) {
    int samples = 0;
    double sum = 0;
    double max = 0;
    for (JsonNode result : body.path("data").path("result")) {
      for (JsonNode point : result.path("values")) {
        double value = Double.parseDouble(point.path(1).asString("0"));
        if (Double.isFinite(value)) {
          samples++;
          sum += value;
          max = Math.max(max, value);
        }
      }
    }
    return new ResourceUsage.Series(name, query, samples, samples == 0 ? 0 : sum / samples, max);
  }
}
