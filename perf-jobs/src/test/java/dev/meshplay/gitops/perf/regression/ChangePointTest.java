package dev.meshplay.gitops.perf.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangePointTest {

  private static final EDivisive DEFAULTS = new EDivisive(ChangePointSettings.DEFAULTS);

  static double[] noise(long seed, int n, double mean, double sd) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + sd * gaussian(random);
    }
    return out;
  }

  static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian of its own seed-stable form.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Test
  void aStepOfTwentyPercentIsFoundAtTheFirstRunAfterIt() {
    double[] series = noise(7, 60, 100, 3);
    for (int i = 35; i < series.length; i++) {
      series[i] *= 1.2;
    }

    List<ChangePoint> found = DEFAULTS.changePoints(series);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).index()).isEqualTo(35);
    assertThat(found.get(0).change()).isCloseTo(0.2, within(0.03));
    assertThat(found.get(0).pValue()).isLessThanOrEqualTo(0.001);
  }

  @Test
  void aStepIsFoundInALongSeriesThroughSlidingWindows() {
    double[] series = noise(11, 300, 50, 1.5);
    for (int i = 210; i < series.length; i++) {
      series[i] *= 1.2;
    }

    assertThat(DEFAULTS.changePoints(series)).extracting(ChangePoint::index).containsExactly(210);
  }

  @Test
  void aStepIsFoundWhereverItFallsBetweenSmallWindows() {
    EDivisive small = new EDivisive(new ChangePointSettings(8, 0.01, 0.2, 3));
    for (int step = 3; step <= 27; step++) {
      double[] series = noise(step, 30, 5, 0.1);
      for (int i = step; i < series.length; i++) {
        series[i] *= 1.5;
      }

      assertThat(small.changePoints(series))
          .as("step at run %d", step)
          .extracting(ChangePoint::index)
          .containsExactly(step);
    }
  }

  @Test
  void pureNoiseRarelyYieldsAChangePoint() {
    int seeds = 400;
    int withChange = 0;
    for (long seed = 0; seed < seeds; seed++) {
      if (!DEFAULTS.changePoints(noise(seed, 60, 100, 5)).isEmpty()) {
        withChange++;
      }
    }
    double rate = (double) withChange / seeds;
    System.out.printf(
        "change points on pure noise: %d of %d series of 60 runs (%.1f%%)%n",
        withChange, seeds, rate * 100);
    assertThat(rate).isLessThanOrEqualTo(0.02);
  }

  @Test
  void aSingleOutlierIsNotAChangePoint() {
    double[] series = noise(3, 40, 100, 3);
    series[25] = 400;

    assertThat(DEFAULTS.changePoints(series)).isEmpty();
  }

  @Test
  void theSameSeriesAlwaysGivesTheSameChangePoints() {
    double[] series = noise(5, 80, 10, 0.5);
    for (int i = 50; i < 80; i++) {
      series[i] += 3;
    }

    assertThat(DEFAULTS.changePoints(series.clone())).isEqualTo(DEFAULTS.changePoints(series));
  }

  @Test
  void welchTestMatchesTheTDistribution() {
    // t = 2.228 with 10 degrees of freedom is the two-sided 5% point.
    assertThat(StudentT.twoSidedP(2.228, 10)).isCloseTo(0.05, within(0.0005));
    assertThat(StudentT.twoSidedP(0, 10)).isCloseTo(1.0, within(1e-9));
    assertThat(StudentT.twoSidedP(3.291, 1e6)).isCloseTo(0.001, within(0.0001));
  }
}
