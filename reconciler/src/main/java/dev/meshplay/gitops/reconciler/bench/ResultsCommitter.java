package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.git.Backoff;
import dev.meshplay.gitops.git.CommitBack;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Identity;
import dev.meshplay.gitops.git.LocalRepository;
import dev.meshplay.gitops.git.PushOutcome;
import dev.meshplay.gitops.git.ReportCommit;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.regression.CanaryRun;
import dev.meshplay.gitops.perf.report.ResultsIndex;
import dev.meshplay.gitops.perf.report.RunReport;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each run's result, the profile's series, report and charts, and {@code results/README.md}
 * back to the source's branch through {@link CommitBack} (fast-forward, rebuilt on a moved tip,
 * never forced). Runs that finish while a push is under way land together in the next commit. The
 * commits it writes are remembered, so the daemon can tell them from design changes.
 */
public final class ResultsCommitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsCommitter.class);

  /** Who result commits are authored by. */
  public static final Identity AUTHOR =
      new Identity("Meshplay GitOps", "meshplay-gitops@users.noreply.meshplay.dev");

  /** Ends the first line of every results commit. */
  static final String MARKER = "[meshplay-gitops results]";

  /** Canary runs kept per canary profile: enough to cover the window of any product run. */
  static final int KEPT_CANARY_RUNS = 20;

  private final SourceMirror mirror;
  private final CommitBack commitBack;
  private final RunReport report;
  private final Map<String, ProfileHistory> histories = new HashMap<>();
  private final Map<String, SeriesLine> latest = new HashMap<>();
  // The recent judged runs of the source's canary profiles, by profile directory.
  private final Map<String, List<CanaryRun>> canaryRuns = new HashMap<>();
  private final Map<String, String> pending = new LinkedHashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();
  private final ExecutorService pusher =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("results-push").factory());
  private boolean flushQueued;

  /** Commits through the mirror's own remote and credentials, as the PR notes do. */
  public static ResultsCommitter forMirror(SourceMirror mirror) {
    return new ResultsCommitter(
        mirror,
        new CommitBack(
            mirror,
            AUTHOR,
            CommitBack.DEFAULT_NOTES_REF,
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)),
            5));
  }

  public ResultsCommitter(SourceMirror mirror, CommitBack commitBack) {
    this.mirror = mirror;
    this.commitBack = commitBack;
    this.report = new RunReport(commitBase(mirror.source()));
  }

  /**
   * Judges {@code run} against the profile's history, queues its files for the next commit and
   * returns what was recorded (for the page and metrics).
   */
  public synchronized RunReport.Recorded add(
      BenchmarkProfile profile, BenchmarkResult run, String commit, Optional<String> invalid) {
    ResultPaths paths = ResultPaths.forSource(profile.source());
    ProfileHistory history = histories.computeIfAbsent(paths.profile(), p -> load(paths, profile));
    if (profile.canary()) {
      canaryRuns.computeIfAbsent(paths.profile(), p -> seeded(profile, paths, history));
    }
    List<CanaryRun> canaries = canaryRuns.values().stream().flatMap(List::stream).toList();
    RunReport.Recorded recorded =
        report.record(
            profile,
            profile.regression(),
            history.series,
            history.earlier,
            run,
            commit,
            invalid,
            canaries);
    if (profile.canary()) {
      List<CanaryRun> own = canaryRuns.get(paths.profile());
      own.add(
          new CanaryRun(
              profile.name(),
              run.startTime(),
              recorded.verdict().kind(),
              recorded.verdict().effects()));
      while (own.size() > KEPT_CANARY_RUNS) {
        own.removeFirst();
      }
    }
    String seriesText = recorded.files().get(paths.series());
    String resultPath = paths.result(recorded.line().result());
    history.add(seriesText, recorded.line(), resultPath, recorded.verdict(), run);
    latest.put(paths.profile(), recorded.line());
    recorded.files().forEach((path, text) -> pending.put(prefixed(path), text));
    pending.put(prefixed(ResultPaths.INDEX), ResultsIndex.render(latest));
    if (!flushQueued) {
      flushQueued = true;
      pusher.execute(this::flush);
    }
    return recorded;
  }

  /**
   * Makes the canaries among {@code profiles} known before they run again (their recent verdicts
   * read from the branch), so a product run right after a restart is checked against them; profiles
   * no longer marked canary stop counting.
   */
  public synchronized void canaries(List<BenchmarkProfile> profiles) {
    Map<String, BenchmarkProfile> wanted = new HashMap<>();
    profiles.stream()
        .filter(BenchmarkProfile::canary)
        .forEach(p -> wanted.put(ResultPaths.forSource(p.source()).profile(), p));
    canaryRuns.keySet().retainAll(wanted.keySet());
    wanted.forEach(
        (dir, profile) -> {
          ResultPaths paths = ResultPaths.forSource(profile.source());
          ProfileHistory history = histories.computeIfAbsent(dir, p -> load(paths, profile));
          canaryRuns.computeIfAbsent(dir, p -> seeded(profile, paths, history));
        });
  }

  /** A canary's recent verdicts from its series (the effects are not kept there). */
  private static List<CanaryRun> seeded(
      BenchmarkProfile profile, ResultPaths paths, ProfileHistory history) {
    List<CanaryRun> runs = new ArrayList<>();
    try {
      List<SeriesLine> lines = SeriesFile.read(paths.series(), history.series);
      for (SeriesLine line :
          lines.subList(Math.max(0, lines.size() - KEPT_CANARY_RUNS), lines.size())) {
        runs.add(new CanaryRun(profile.name(), line.time(), line.verdict(), List.of()));
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("{}; the canary's earlier runs are not used", e.getMessage());
    }
    return runs;
  }

  /**
   * True when {@code commitId} is a results commit: one this daemon pushed, or the branch's last
   * snapshot when its message carries the results marker (written before a restart).
   */
  public boolean wrote(String commitId) {
    return written.contains(commitId)
        || mirror
            .lastGood()
            .filter(s -> s.commitId().equals(commitId) && s.message().contains(MARKER))
            .isPresent();
  }

  private void flush() {
    Map<String, String> files;
    synchronized (this) {
      files = new LinkedHashMap<>(pending);
      pending.clear();
      flushQueued = false;
    }
    ReportCommit change =
        ReportCommit.on(
            mirror.source().branch(),
            "Benchmark results: " + files.size() + " files " + MARKER,
            AUTHOR);
    for (var file : files.entrySet()) {
      change = change.write(file.getKey(), file.getValue());
    }
    try {
      PushOutcome outcome = commitBack.commit(change);
      if (outcome.changed()) {
        written.add(outcome.commitId());
        refreshWorkingTree(files.keySet());
      }
      LOG.info(
          "{}: committed {} result files as {} ({} attempt(s))",
          mirror.source().name(),
          files.size(),
          outcome.commitId().substring(0, 7),
          outcome.attempts());
    } catch (RuntimeException e) {
      // The files stay pending: the next run's commit carries them.
      synchronized (this) {
        files.forEach(pending::putIfAbsent);
      }
      LOG.warn("{}: cannot commit benchmark results: {}", mirror.source().name(), e.getMessage());
    }
  }

  /** The demo watches a repository the user edits in place: keep its working tree current. */
  private void refreshWorkingTree(java.util.Set<String> paths) {
    String url = mirror.source().url();
    if (url.contains("://") && !url.startsWith("file://")) {
      return;
    }
    try {
      Path dir = url.startsWith("file://") ? Path.of(java.net.URI.create(url)) : Path.of(url);
      LocalRepository.refreshCheckedOut(dir, mirror.source().branch(), paths);
    } catch (RuntimeException e) {
      LOG.warn(
          "{}: results committed, but the working tree of {} was not refreshed: {}",
          mirror.source().name(),
          url,
          e.getMessage());
    }
  }

  private ProfileHistory load(ResultPaths paths, BenchmarkProfile profile) {
    ProfileHistory history =
        mirror
            .lastGood()
            .map(s -> ProfileHistory.read(s.files(), paths, profile.regression().pinned()))
            .orElseGet(ProfileHistory::empty);
    history.latest.ifPresent(line -> latest.putIfAbsent(paths.profile(), line));
    return history;
  }

  private String prefixed(String path) {
    String sub = mirror.source().subPath();
    return sub == null || sub.isBlank() ? path : sub.replaceAll("/+$", "") + "/" + path;
  }

  /** A web view's commit URL for the usual hosts' https remotes; none for other remotes. */
  static Optional<String> commitBase(GitSource source) {
    String url = source.displayUrl();
    if (!url.startsWith("https://")) {
      return Optional.empty();
    }
    String base = url.replaceAll("\\.git$", "").replaceAll("/+$", "");
    return Optional.of(base + (base.contains("gitlab") ? "/-/commit/" : "/commit/"));
  }

  @Override
  public void close() {
    pusher.shutdown();
    try {
      pusher.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
