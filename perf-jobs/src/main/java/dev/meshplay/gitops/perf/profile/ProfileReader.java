package dev.meshplay.gitops.perf.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads benchmark files: a Meshery performance profile (camelCase or the older snake_case names) or
 * an SMP {@code PerformanceTestConfig} (flat, or under {@code test:} as meshery-smp-action writes
 * it), plus our keys {@code schedule}, {@code warmup}, {@code thresholds}, {@code target}, {@code
 * timeout} and {@code method}. Every problem is reported at its file and line.
 */
public final class ProfileReader {

  private static final String UUID_FORM = "[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}";

  /** Reads one file; {@code source} in the profile and diagnostics is the path as given. */
  public ProfileReading read(Path file) {
    try {
      return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new ProfileReading.Rejected(
          file.toString(),
          List.of(Diagnostic.error(file.toString(), 0, "cannot read: " + e.getMessage())));
    }
  }

  /**
   * Reads every {@code benchmarks/*.yaml} (and {@code .yml}) of a design repository, in name order,
   * each named by its repository-relative path. A repository without the folder has none.
   */
  public List<ProfileReading> readRepository(Path root) {
    Path dir = root.resolve("benchmarks");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .map(p -> readFile(root.relativize(p).toString(), p))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProfileReading readFile(String source, Path file) {
    try {
      return read(source, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return rejected(
          source, List.of(Diagnostic.error(source, 0, "cannot read: " + e.getMessage())));
    }
  }

  /** Reads YAML text; {@code source} names it in the profile and in diagnostics. */
  public ProfileReading read(String source, String yaml) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<Node> root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(source).build();
      root =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)))
              .getSingleNode();
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      return rejected(source, List.of(Diagnostic.error(source, line, "invalid YAML: " + problem)));
    } catch (YamlEngineException e) {
      return rejected(
          source, List.of(Diagnostic.error(source, 0, "invalid YAML: " + e.getMessage())));
    }
    if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
      int line = root.map(ProfileFields::lineOf).orElse(0);
      return rejected(
          source, List.of(Diagnostic.error(source, line, "a benchmark file is a mapping")));
    }
    ProfileFields.rejectDuplicateKeys(source, mapping, diagnostics);
    ProfileFields top = new ProfileFields(source, mapping, diagnostics);
    ProfileDraft draft = new ProfileDraft();
    ProfileFields own = top;
    Optional<ProfileFields> test = top.mapping("test");
    if (test.isPresent() && (test.get().has("smp_version") || test.get().has("clients"))) {
      SmpDialect.read(test.get(), draft);
      own = test.get();
    } else if (top.has("smp_version") || top.has("clients")) {
      SmpDialect.read(top, draft);
    } else {
      MesheryDialect.read(top, draft);
    }
    readOwnKeys(
        own.has("thresholds", "schedule", "warmup", "target", "baseline", "canary") ? own : top,
        draft);
    BenchmarkProfile profile = draft.build(top, source);
    return diagnostics.stream().anyMatch(Diagnostic::error)
        ? rejected(source, diagnostics)
        : new ProfileReading.Accepted(profile, diagnostics);
  }

  private static ProfileReading rejected(String source, List<Diagnostic> diagnostics) {
    return new ProfileReading.Rejected(source, diagnostics);
  }

  private static void readOwnKeys(ProfileFields f, ProfileDraft draft) {
    draft.warmup = f.duration(new String[] {"warmup"}, draft.warmup);
    draft.timeout = f.duration(new String[] {"timeout"}, draft.timeout);
    String method = f.text("method");
    if (method != null && !method.isBlank()) {
      draft.method = method;
    }
    String cron = f.text("schedule");
    if (cron != null && cron.trim().matches(UUID_FORM)) {
      f.warning(
          lineOf(f, "schedule"),
          "schedule holds a Meshery schedule id, not a cron: this profile runs only on demand");
    } else if (cron != null && !cron.isBlank()) {
      try {
        draft.schedule = Optional.of(new CronSchedule(cron));
      } catch (IllegalArgumentException e) {
        f.error(lineOf(f, "schedule"), e.getMessage());
      }
    }
    for (Map.Entry<Integer, String> text : f.strings("thresholds")) {
      try {
        draft.thresholds.add(Threshold.parse(text.getValue()));
      } catch (IllegalArgumentException e) {
        f.error(text.getKey(), e.getMessage());
      }
    }
    f.node("target").ifPresent(node -> draft.target = target(f, node));
    draft.regression = BaselineKey.read(f);
    draft.canary = f.bool(new String[] {"canary"}, false);
  }

  private static Target target(ProfileFields f, Node node) {
    if (node instanceof ScalarNode scalar) {
      return ProfileDraft.httpUri(scalar.getValue())
          .<Target>map(Target.Url::new)
          .orElseGet(
              () -> {
                f.error(ProfileFields.lineOf(node), "target must be an http(s) URL or a service");
                return null;
              });
    }
    if (node instanceof SequenceNode || f.mapping("target").isEmpty()) {
      f.error(ProfileFields.lineOf(node), "target must be an http(s) URL or a service mapping");
      return null;
    }
    ProfileFields t = f.mapping("target").orElseThrow();
    String service = t.text("service");
    if (service == null || service.isBlank()) {
      t.error(t.line(), "target needs 'service' (the Service name) or a URL");
      return null;
    }
    long port = t.number(new String[] {"port"}, 80, 1, 65535);
    return new Target.Service(
        t.text("namespace", "default"),
        service,
        (int) port,
        t.text("path", "/"),
        t.text("design", ""));
  }

  static int lineOf(ProfileFields f, String key) {
    return f.node(key).map(ProfileFields::lineOf).orElse(f.line());
  }
}
