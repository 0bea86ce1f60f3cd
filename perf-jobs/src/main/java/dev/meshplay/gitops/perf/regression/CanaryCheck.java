package dev.meshplay.gitops.perf.regression;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tells environment drift from product change: a product run judged {@code regressed} or {@code
 * improved} is compared with each canary's judged run nearest to it in time (within {@link
 * #window}). A canary that moved the same way at the same time means the machine, not the design,
 * changed, so the product verdict becomes {@code inconclusive}; a steady canary lets it stand.
 *
 * @param window how far from the product run a canary run may start and still count
 * @param minEffect the smallest change that counts (the product's {@code minChange})
 */
public record CanaryCheck(Duration window, double minEffect) {

  /** Long enough to span a canary and a product run scheduled a few minutes apart. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  /**
   * The verdict in the light of the canaries, and the note to record beside it.
   *
   * @param note empty when no canary had a run close enough (the verdict is then unchanged)
   */
  public record Outcome(Verdict verdict, Optional<String> note) {}

  /**
   * @param verdict the product run's verdict
   * @param time the product run's start
   * @param canaries judged runs of the source's canary profiles, in any order
   */
  public Outcome apply(Verdict verdict, Instant time, List<CanaryRun> canaries) {
    boolean shifted =
        verdict.kind() == Verdict.Kind.REGRESSED || verdict.kind() == Verdict.Kind.IMPROVED;
    if (!shifted) {
      return new Outcome(verdict, Optional.empty());
    }
    // The product's effects that made the verdict: the canary must move on the same metric.
    List<Effect> driving =
        verdict.effects().stream()
            .filter(
                e ->
                    verdict.kind() == Verdict.Kind.REGRESSED
                        ? RunJudge.worse(e, minEffect)
                        : RunJudge.better(e, minEffect))
            .toList();
    List<String> drift = new ArrayList<>();
    List<String> quiet = new ArrayList<>();
    for (CanaryRun canary : nearest(time, canaries).values()) {
      Optional<String> moved = moved(canary, verdict.kind(), driving);
      if (moved.isPresent()) {
        drift.add("canary '" + canary.profile() + "' " + moved.get() + " at the same time");
      } else {
        quiet.add("canary '" + canary.profile() + "' " + calm(canary.kind()));
      }
    }
    if (!drift.isEmpty()) {
      String note = "environment drift: " + String.join("; ", drift);
      return new Outcome(
          new Verdict(
              Verdict.Kind.INCONCLUSIVE,
              note + " (this run alone: " + verdict.kind().word() + ", " + verdict.reason() + ")",
              verdict.effects()),
          Optional.of(note));
    }
    if (quiet.isEmpty()) {
      return new Outcome(verdict, Optional.empty());
    }
    String note = String.join("; ", quiet);
    return new Outcome(
        new Verdict(verdict.kind(), verdict.reason() + "; " + note, verdict.effects()),
        Optional.of(note));
  }

  /** Per canary profile, its judged run nearest to {@code time} within the window. */
  private Map<String, CanaryRun> nearest(Instant time, List<CanaryRun> canaries) {
    Comparator<CanaryRun> closer =
        Comparator.comparing(c -> Duration.between(c.time(), time).abs());
    return canaries.stream()
        .filter(c -> c.kind() != Verdict.Kind.INVALID)
        .filter(c -> Duration.between(c.time(), time).abs().compareTo(window) <= 0)
        .collect(
            Collectors.toMap(
                CanaryRun::profile,
                c -> c,
                (a, b) -> closer.compare(a, b) <= 0 ? a : b,
                TreeMap::new));
  }

  /**
   * How the canary moved in the product's direction: its own verdict, or its estimate on one of the
   * metrics that decided the product verdict beyond {@code minEffect} (a canary with few runs is
   * inconclusive on its own, yet a large move still shows drift).
   */
  private Optional<String> moved(CanaryRun canary, Verdict.Kind direction, List<Effect> driving) {
    for (Effect product : driving) {
      for (Effect e : canary.effects()) {
        if (e.metric().equals(product.metric()) && sameWay(e, direction)) {
          return Optional.of(e.metric() + " " + Effect.percent(e.estimate()));
        }
      }
    }
    return canary.kind() == direction ? Optional.of(canary.kind().word()) : Optional.empty();
  }

  private boolean sameWay(Effect e, Verdict.Kind direction) {
    // Latency up is worse; requests per second down is worse.
    double worse = e.metric().equals("rps") ? -e.estimate() : e.estimate();
    return direction == Verdict.Kind.REGRESSED ? worse > minEffect : worse < -minEffect;
  }

  /** What a canary that did not move the product's way says. */
  private static String calm(Verdict.Kind kind) {
    return switch (kind) {
      case PASS -> "steady";
      case REGRESSED, IMPROVED -> kind.word() + " (the other way)";
      default -> kind.word() + ", drift not ruled out";
    };
  }
}
