package dev.meshplay.gitops.perf.profile;

import dev.meshplay.gitops.perf.regression.ChangePointSettings;
import dev.meshplay.gitops.perf.regression.RegressionSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code baseline:} key: {@code runs} (a rolling baseline of the last N accepted runs) or
 * {@code pinned} (a result file), and the statistics' bounds {@code minRuns}, {@code minChange},
 * {@code window}, {@code pValue}, {@code minSegment}, and {@code canaryWindow} (how far a canary
 * run may be from this profile's run).
 */
final class BaselineKey {

  private BaselineKey() {}

  static RegressionSettings read(ProfileFields f) {
    RegressionSettings d = RegressionSettings.DEFAULTS;
    if (!f.has("baseline")) {
      return d;
    }
    Optional<ProfileFields> found = f.mapping("baseline");
    if (found.isEmpty()) {
      f.error(ProfileReader.lineOf(f, "baseline"), "baseline must be a mapping, e.g. {runs: 10}");
      return d;
    }
    ProfileFields b = found.get();
    int runs = (int) b.number(new String[] {"runs"}, d.baselineRuns(), 1, 1000);
    String pinned = b.text("pinned");
    if (pinned != null && b.has("runs")) {
      b.error(ProfileReader.lineOf(b, "pinned"), "baseline: give either runs or pinned, not both");
    }
    if (pinned != null && !pinned.startsWith("results/")) {
      b.error(ProfileReader.lineOf(b, "pinned"), "baseline.pinned must be a path under results/");
    }
    ChangePointSettings c = d.changePoints();
    int minSegment = (int) b.number(new String[] {"minSegment"}, c.minSegment(), 2, 100);
    int window = (int) b.number(new String[] {"window"}, c.window(), 4, 1000);
    if (window < 2 * minSegment) {
      b.error(
          ProfileReader.lineOf(b, "window"),
          "baseline.window must be at least twice minSegment (" + minSegment + ")");
      window = 2 * minSegment;
    }
    double pValue = fraction(b, "pValue", c.maxPValue());
    double minChange = fraction(b, "minChange", d.minEffect());
    int minRuns = (int) b.number(new String[] {"minRuns"}, d.minRuns(), 1, 1000);
    Duration canaryWindow = b.duration(new String[] {"canaryWindow"}, d.canaryWindow());
    if (canaryWindow.isNegative() || canaryWindow.isZero()) {
      b.error(ProfileReader.lineOf(b, "canaryWindow"), "baseline.canaryWindow must be positive");
      canaryWindow = d.canaryWindow();
    }
    return d.withBaseline(runs, Optional.ofNullable(pinned).filter(p -> !p.isBlank()))
        .withJudging(
            minRuns, minChange, new ChangePointSettings(window, pValue, minChange, minSegment))
        .withCanaryWindow(canaryWindow);
  }

  /** A fraction written as {@code 0.05} or {@code 5%}, in (0, 1). */
  private static double fraction(ProfileFields b, String key, double fallback) {
    String text = b.text(key);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      String t = text.trim();
      double v =
          t.endsWith("%")
              ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
              : Double.parseDouble(t);
      if (v <= 0 || v >= 1) {
        b.error(
            ProfileReader.lineOf(b, key),
            "baseline." + key + " must be between 0 and 1 (or 0% and 100%)");
        return fallback;
      }
      return v;
    } catch (NumberFormatException e) {
      b.error(
          ProfileReader.lineOf(b, key),
          "baseline." + key + " must be a number, not '" + text + "'");
      return fallback;
    }
  }
}
