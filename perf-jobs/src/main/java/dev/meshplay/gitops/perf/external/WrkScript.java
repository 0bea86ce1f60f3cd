package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.LoadSpec;
import java.util.stream.Collectors;

/**
 * The Lua script wrk and wrk2 run: it sets the request and, when the run is done, prints exact
 * counters and percentiles (microseconds) in lines we parse instead of wrk's rounded table.
 */
final class WrkScript {

  static final String MARKER = "MESHPLAY-RESULT";

  private WrkScript() {}

  static String of(LoadSpec spec) {
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = ").append(quote(spec.method())).append('\n');
    if (!spec.body().isEmpty()) {
      lua.append("wrk.body = ").append(quote(spec.body())).append('\n');
    }
    spec.headers().forEach((k, v) -> header(lua, k, v));
    if (!spec.contentType().isEmpty()) {
      header(lua, "Content-Type", spec.contentType());
    }
    if (!spec.cookies().isEmpty()) {
      header(
          lua,
          "Cookie",
          spec.cookies().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    lua.append(
        """
        done = function(summary, latency, requests)
          io.write("%s\\n")
          io.write(string.format("requests %%d\\n", summary.requests))
          io.write(string.format("duration_us %%d\\n", summary.duration))
          io.write(string.format("connect %%d\\n", summary.errors.connect))
          io.write(string.format("read %%d\\n", summary.errors.read))
          io.write(string.format("write %%d\\n", summary.errors.write))
          io.write(string.format("status %%d\\n", summary.errors.status))
          io.write(string.format("timeout %%d\\n", summary.errors.timeout))
          io.write(string.format("min %%d\\n", latency.min))
          io.write(string.format("mean %%f\\n", latency.mean))
          io.write(string.format("max %%d\\n", latency.max))
          for _, p in ipairs({50, 90, 99, 99.9}) do
            io.write(string.format("p%%g %%d\\n", p, latency:percentile(p)))
          end
        end
        """
            .formatted(MARKER));
    return lua.toString();
  }

  private static void header(StringBuilder lua, String name, String value) {
    lua.append("wrk.headers[").append(quote(name)).append("] = ").append(quote(value)).append('\n');
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
