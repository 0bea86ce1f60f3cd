package dev.meshplay.gitops.perf.profile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** SMP's {@code PerformanceTestConfig}; we run its first client. */
final class SmpDialect {

  private SmpDialect() {}

  static void read(ProfileFields f, ProfileDraft d) {
    d.dialect = Dialect.SMP;
    d.id = f.text("id");
    d.name = f.text("name");
    d.duration = f.positiveDuration(new String[] {"duration"}, Duration.ofSeconds(30));
    d.labels.putAll(f.stringMap("labels"));
    String version = f.text("smp_version");
    if (version != null && !version.isBlank()) {
      d.labels.put("smp_version", version);
    }
    Node clients = f.node("clients").orElse(null);
    if (!(clients instanceof SequenceNode list) || list.getValue().isEmpty()) {
      f.error(
          clients == null ? f.line() : ProfileFields.lineOf(clients), "clients: list one client");
      return;
    }
    List<Node> items = list.getValue();
    if (items.size() > 1) {
      f.warning(ProfileFields.lineOf(items.get(1)), "clients: only the first client runs");
    }
    if (!(items.get(0) instanceof MappingNode first)) {
      f.error(ProfileFields.lineOf(items.get(0)), "clients: a client is a mapping");
      return;
    }
    readClient(f.sibling(first), d);
  }

  private static void readClient(ProfileFields c, ProfileDraft d) {
    String protocol = c.text("protocol");
    if (protocol != null && !protocol.equals("1") && !protocol.equalsIgnoreCase("HTTP")) {
      c.error(ProfileReader.lineOf(c, "protocol"), "protocol " + protocol + ": only HTTP (1) runs");
    }
    String generator = c.text("load_generator");
    if (generator != null && !generator.isBlank()) {
      d.generator(
          c,
          List.of(Map.entry(ProfileReader.lineOf(c, "load_generator"), generator)),
          "load_generator");
    }
    d.connections = (int) c.number(new String[] {"connections"}, 1, 1, 100_000);
    d.qps = c.number(new String[] {"rps"}, 0, 0, 10_000_000);
    d.headers = c.stringMap("headers");
    d.cookies = c.stringMap("cookies");
    d.body = c.text("body", "");
    d.contentType = c.text("content_type", "");
    d.endpointTexts.addAll(c.strings("endpoint_urls"));
    d.generatorOptions = c.text("additional_options", "");
  }
}
