package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the page shows of benchmarks: per source and profile, the next scheduled run and the recent
 * results (newest last, at most {@link #KEPT}), plus profile files that did not read.
 */
public final class BenchmarkResults {
  public static final int KEPT = 50;

  /** One profile's state. */
  public record ProfileStatus(
      String source,
      String profileId,
      String name,
      String file,
      Instant nextRun,
      List<BenchmarkResult> recent,
      String lastError,
      Verdict verdict,
      Map<String, String> charts) {

    public ProfileStatus {
      charts = charts == null ? Map.of() : Map.copyOf(charts);
    }

    ProfileStatus withVerdict(Verdict newVerdict, Map<String, String> newCharts) {
      return new ProfileStatus(
          source, profileId, name, file, nextRun, recent, lastError, newVerdict, newCharts);
    }
  }

  private final Map<String, ProfileStatus> profiles = new ConcurrentHashMap<>();
  private final Map<String, List<String>> problems = new ConcurrentHashMap<>();

  void scheduled(String source, BenchmarkProfile profile, Instant nextRun) {
    profiles.compute(
        key(source, profile),
        (k, old) ->
            new ProfileStatus(
                source,
                profile.id(),
                profile.name(),
                profile.source(),
                nextRun,
                old == null ? List.of() : old.recent(),
                old == null ? null : old.lastError(),
                old == null ? null : old.verdict(),
                old == null ? Map.of() : old.charts()));
  }

  void record(String source, BenchmarkProfile profile, BenchmarkResult result) {
    profiles.compute(
        key(source, profile),
        (k, old) -> {
          List<BenchmarkResult> recent = new ArrayList<>(old == null ? List.of() : old.recent());
          recent.add(result);
          while (recent.size() > KEPT) {
            recent.remove(0);
          }
          return new ProfileStatus(
              source,
              profile.id(),
              profile.name(),
              profile.source(),
              old == null ? null : old.nextRun(),
              List.copyOf(recent),
              null,
              old == null ? null : old.verdict(),
              old == null ? Map.of() : old.charts());
        });
  }

  void failed(String source, BenchmarkProfile profile, String error) {
    profiles.compute(
        key(source, profile),
        (k, old) ->
            new ProfileStatus(
                source,
                profile.id(),
                profile.name(),
                profile.source(),
                old == null ? null : old.nextRun(),
                old == null ? List.of() : old.recent(),
                error,
                old == null ? null : old.verdict(),
                old == null ? Map.of() : old.charts()));
  }

  /** The verdict of the latest run and the report's charts (SVG by file name). */
  void judged(
      String source, BenchmarkProfile profile, Verdict verdict, Map<String, String> charts) {
    profiles.computeIfPresent(key(source, profile), (k, old) -> old.withVerdict(verdict, charts));
  }

  /** A profile's chart by file name ({@code latency.svg}, {@code throughput.svg}). */
  public java.util.Optional<String> chart(String source, String profileId, String file) {
    return profiles.values().stream()
        .filter(p -> p.source().equals(source) && p.profileId().equals(profileId))
        .findFirst()
        .map(p -> p.charts().get(file));
  }

  void problems(String source, List<String> messages) {
    problems.put(source, List.copyOf(messages));
  }

  public List<ProfileStatus> profiles() {
    return new TreeMap<>(profiles).values().stream().toList();
  }

  public List<String> problems() {
    return problems.values().stream().flatMap(List::stream).sorted().toList();
  }

  private static String key(String source, BenchmarkProfile profile) {
    return source + "/" + profile.source();
  }
}
