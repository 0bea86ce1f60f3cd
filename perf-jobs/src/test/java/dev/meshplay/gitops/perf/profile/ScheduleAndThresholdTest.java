package dev.meshplay.gitops.perf.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cron and threshold texts become values, or errors that say what is wrong. */
class ScheduleAndThresholdTest {

  @Test
  void convertsFiveFieldCronToQuartz() {
    assertThat(new CronSchedule("0 2 * * *").quartzExpression()).isEqualTo("0 0 2 * * ?");
    assertThat(new CronSchedule("*/15 * * * 1-5").quartzExpression())
        .isEqualTo("0 */15 * ? * MON-FRI");
    assertThat(new CronSchedule("0 0 * * 0,7").quartzExpression()).isEqualTo("0 0 0 ? * SUN,SUN");
    assertThat(new CronSchedule("30 4 1 * *").quartzExpression()).isEqualTo("0 30 4 1 * ?");
    assertThat(new CronSchedule("@hourly").quartzExpression()).isEqualTo("0 0 * * * ?");
  }

  @Test
  void rejectsCronsQuartzCannotRun() {
    assertThatThrownBy(() -> new CronSchedule("0 2 * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> new CronSchedule("0 2 1 * 1")).hasMessageContaining("both");
    assertThatThrownBy(() -> new CronSchedule("0 25 * * *")).hasMessageContaining("not a valid");
  }

  @Test
  void parsesThresholdsIntoCanonicalUnits() {
    assertThat(Threshold.parse("p99 < 250ms").limit()).isEqualTo(250.0);
    assertThat(Threshold.parse("p99.9 <= 1.5s").limit()).isEqualTo(1500.0);
    assertThat(Threshold.parse("errorRate < 1%").limit()).isEqualTo(0.01);
    assertThat(Threshold.parse("rps > 900").metric()).isEqualTo(Threshold.Metric.RPS);
    assertThat(Threshold.parse("mean < 800us").limit()).isEqualTo(0.8);
    assertThat(Threshold.parse("p99 < 250ms").holds(249.9)).isTrue();
    assertThat(Threshold.parse("rps > 900").holds(900)).isFalse();
    assertThatThrownBy(() -> Threshold.parse("p42 < 1ms")).hasMessageContaining("unknown metric");
    assertThatThrownBy(() -> Threshold.parse("p99 < 250")).hasMessageContaining("needs a unit");
  }
}
