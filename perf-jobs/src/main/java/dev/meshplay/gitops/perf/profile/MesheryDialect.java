package dev.meshplay.gitops.perf.profile;

import java.time.Duration;

/** Meshery's performance profile, camelCase as the current schema writes it or older snake_case. */
final class MesheryDialect {

  private MesheryDialect() {}

  static void read(ProfileFields f, ProfileDraft d) {
    d.dialect = Dialect.MESHERY;
    d.id = f.text("id");
    d.name = f.text("name");
    d.endpointTexts.addAll(f.strings("endpoints"));
    d.generator(f, f.strings("loadGenerators", "load_generators"), "loadGenerators");
    d.connections =
        (int) f.number(new String[] {"concurrentRequest", "concurrent_request"}, 1, 1, 100_000);
    d.qps = f.number(new String[] {"qps"}, 0, 0, 10_000_000);
    d.duration = f.positiveDuration(new String[] {"duration"}, Duration.ofSeconds(30));
    d.headers = f.stringMap("requestHeaders", "request_headers");
    d.cookies = f.stringMap("requestCookies", "request_cookies");
    d.body = f.text("requestBody", "");
    if (f.has("request_body")) {
      d.body = f.text("request_body", "");
    }
    d.contentType = f.has("contentType") ? f.text("contentType", "") : f.text("content_type", "");
    String mesh = f.has("serviceMesh") ? f.text("serviceMesh") : f.text("service_mesh");
    if (mesh != null && !mesh.isBlank()) {
      d.labels.put("mesh", mesh);
    }
    f.mapping("metadata").ifPresent(m -> d.generatorOptions = m.text("additional_options", ""));
  }
}
