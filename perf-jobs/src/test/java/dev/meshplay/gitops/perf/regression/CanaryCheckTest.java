package dev.meshplay.gitops.perf.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A product shift is blamed on the environment only when a canary moved the same way then. */
class CanaryCheckTest {

  private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");
  private static final CanaryCheck CHECK = new CanaryCheck(Duration.ofMinutes(15), 0.05);

  private static final Verdict REGRESSED =
      new Verdict(
          Verdict.Kind.REGRESSED,
          "p99 +18% [+11%, +26%], 95% (against 10 baseline runs, block bootstrap)",
          List.of(
              new Effect("p50", 0.01, -0.02, 0.04, 0.95),
              new Effect("p99", 0.18, 0.11, 0.26, 0.95)));

  private static CanaryRun canary(Duration before, Verdict.Kind kind, Effect... effects) {
    return new CanaryRun("loopback-canary", AT.minus(before), kind, List.of(effects));
  }

  @Test
  void aRegressionWithASteadyCanaryStaysRegressed() {
    CanaryCheck.Outcome out =
        CHECK.apply(
            REGRESSED,
            AT,
            List.of(
                canary(
                    Duration.ofMinutes(3),
                    Verdict.Kind.PASS,
                    new Effect("p99", 0.01, -0.03, 0.05, 0.95))));

    assertThat(out.verdict().kind()).isEqualTo(Verdict.Kind.REGRESSED);
    assertThat(out.verdict().reason())
        .startsWith("p99 +18%")
        .endsWith("canary 'loopback-canary' steady");
    assertThat(out.note()).contains("canary 'loopback-canary' steady");
  }

  @Test
  void aCanaryThatShiftedTheSameWayMakesItInconclusiveNamingTheCanary() {
    CanaryCheck.Outcome out =
        CHECK.apply(
            REGRESSED,
            AT,
            List.of(
                canary(Duration.ofMinutes(40), Verdict.Kind.PASS),
                canary(
                    Duration.ofMinutes(2),
                    Verdict.Kind.INCONCLUSIVE,
                    new Effect("p99", 0.22, -0.10, 0.50, 0.95))));

    assertThat(out.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(out.verdict().reason())
        .startsWith("environment drift: canary 'loopback-canary' p99 +22% at the same time")
        .contains("this run alone: regressed, p99 +18%");
    assertThat(out.verdict().effects()).isEqualTo(REGRESSED.effects());
    assertThat(out.note())
        .contains("environment drift: canary 'loopback-canary' p99 +22% at the same time");
  }

  @Test
  void aCanaryRegressedByItsOwnVerdictCountsEvenWithoutEffects() {
    CanaryCheck.Outcome out =
        CHECK.apply(REGRESSED, AT, List.of(canary(Duration.ofMinutes(-4), Verdict.Kind.REGRESSED)));

    assertThat(out.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(out.note())
        .contains("environment drift: canary 'loopback-canary' regressed at the same time");
  }

  @Test
  void aCanaryThatMovedTheOtherWayLetsTheVerdictStand() {
    CanaryCheck.Outcome out =
        CHECK.apply(
            REGRESSED,
            AT,
            List.of(
                canary(
                    Duration.ofMinutes(1),
                    Verdict.Kind.IMPROVED,
                    new Effect("p99", -0.20, -0.30, -0.10, 0.95))));

    assertThat(out.verdict().kind()).isEqualTo(Verdict.Kind.REGRESSED);
    assertThat(out.note()).contains("canary 'loopback-canary' improved (the other way)");
  }

  @Test
  void withoutACanaryNothingChanges() {
    CanaryCheck.Outcome out = CHECK.apply(REGRESSED, AT, List.of());

    assertThat(out.verdict()).isEqualTo(REGRESSED);
    assertThat(out.note()).isEmpty();
  }

  @Test
  void aCanaryRunTooFarAwayInTimeIsIgnored() {
    CanaryCheck.Outcome out =
        CHECK.apply(
            REGRESSED,
            AT,
            List.of(
                canary(Duration.ofMinutes(16), Verdict.Kind.REGRESSED),
                canary(Duration.ofMinutes(-30), Verdict.Kind.REGRESSED)));

    assertThat(out.verdict()).isEqualTo(REGRESSED);
    assertThat(out.note()).isEmpty();
  }

  @Test
  void theNearestCanaryRunDecidesAndInvalidOnesDoNotCount() {
    CanaryCheck.Outcome out =
        CHECK.apply(
            REGRESSED,
            AT,
            List.of(
                canary(Duration.ofMinutes(10), Verdict.Kind.REGRESSED),
                canary(Duration.ofMinutes(1), Verdict.Kind.INVALID),
                canary(Duration.ofMinutes(-2), Verdict.Kind.PASS)));

    assertThat(out.verdict().kind()).isEqualTo(Verdict.Kind.REGRESSED);
    assertThat(out.note()).contains("canary 'loopback-canary' steady");
  }

  @Test
  void verdictsOtherThanAShiftAreLeftAlone() {
    Verdict pass = Verdict.of(Verdict.Kind.PASS, "p99 +1%");
    CanaryCheck.Outcome out =
        CHECK.apply(pass, AT, List.of(canary(Duration.ZERO, Verdict.Kind.REGRESSED)));

    assertThat(out.verdict()).isEqualTo(pass);
    assertThat(out.note()).isEmpty();
  }
}
