package dev.meshplay.gitops.perf.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a profile's history lives in the design repository: {@code results/<profile>/} holds one
 * result per run, {@code series.tsv}, {@code REPORT.md} and its charts; {@code results/README.md}
 * indexes the profiles.
 *
 * @param profile the directory name: the profile file's name without extension
 */
public record ResultPaths(String profile) {

  public static final String ROOT = "results";
  public static final String INDEX = ROOT + "/README.md";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The paths of the profile read from {@code source} (e.g. {@code benchmarks/web.yaml}). */
  public static ResultPaths forSource(String source) {
    String file = source.substring(source.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    String base = dot > 0 ? file.substring(0, dot) : file;
    return new ResultPaths(base.replaceAll("[^A-Za-z0-9._-]", "-"));
  }

  public String directory() {
    return ROOT + "/" + profile;
  }

  /** The result file's name for a run started at {@code time} on {@code commit}. */
  public String resultName(Instant time, String commit) {
    return STAMP.format(time) + "-" + commit.substring(0, Math.min(7, commit.length())) + ".yaml";
  }

  public String result(String name) {
    return directory() + "/" + name;
  }

  public String series() {
    return directory() + "/series.tsv";
  }

  public String report() {
    return directory() + "/REPORT.md";
  }

  public String latencyChart() {
    return directory() + "/latency.svg";
  }

  public String throughputChart() {
    return directory() + "/throughput.svg";
  }
}
