package dev.meshplay.gitops.reconciler.web;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@code GET /metrics}: the registry in the Prometheus text format (version 0.0.4). */
final class MetricsEndpoint {
  private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

  private final PrometheusRegistry registry;

  MetricsEndpoint(PrometheusRegistry registry) {
    this.registry = registry;
  }

  void handle(ServerRequest req, ServerResponse res) {
    Responses.send(res, WRITER.getContentType(), text(registry));
  }

  static String text(PrometheusRegistry registry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      WRITER.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics", e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
