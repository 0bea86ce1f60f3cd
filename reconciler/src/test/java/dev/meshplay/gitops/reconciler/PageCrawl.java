package dev.meshplay.gitops.reconciler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads every page of a running daemon, as a curious visitor (or a leak scanner) would. */
final class PageCrawl {
  private PageCrawl() {}

  /** Every same-origin page and API route reachable from the known entry points. */
  static Map<String, String> crawl(int port, String authorization) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, String> bodies = new LinkedHashMap<>();
    Deque<String> queue =
        new ArrayDeque<>(
            List.of(
                "/",
                "/clusters",
                "/benchmarks",
                "/pulls",
                "/api/v1/status",
                "/api/v1/clusters",
                "/api/v1/benchmarks",
                "/api/v1/pulls",
                "/metrics",
                "/healthz",
                "/readyz"));
    Set<String> queued = new LinkedHashSet<>(queue);
    Pattern href = Pattern.compile("href=\"(/[^\"#]*)\"");
    while (!queue.isEmpty() && bodies.size() < 200) {
      String path = queue.poll().replace("&amp;", "&");
      String body =
          http.send(request(port, path, authorization), HttpResponse.BodyHandlers.ofString())
              .body();
      bodies.put(path, body);
      Matcher m = href.matcher(body);
      while (m.find()) {
        String link = m.group(1);
        if (queued.add(link)) {
          queue.add(link);
        }
        if (link.startsWith("/design?") && queued.add("/api/v1" + link)) {
          queue.add("/api/v1" + link);
        }
      }
    }
    return bodies;
  }

  private static HttpRequest request(int port, String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }
}
