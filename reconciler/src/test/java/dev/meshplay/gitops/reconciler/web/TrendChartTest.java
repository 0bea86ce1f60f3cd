package dev.meshplay.gitops.reconciler.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

  @Test
  void drawsBothPercentilesAndMarksFailedRuns() {
    String svg =
        TrendChart.svg(
            "latency",
            List.of(
                new TrendChart.Run(2, 8, true),
                new TrendChart.Run(3, 10, true),
                new TrendChart.Run(4, 40, false)));

    assertThat(svg)
        .startsWith("<svg")
        .endsWith("</svg>")
        .contains("class=\"p50\"", "class=\"p99\"", "40.0 ms")
        .doesNotContain("style=", "<script");
    assertThat(svg.split("fill=\"#b91c1c\"", -1)).hasSize(2);
    assertThat(svg.split("fill=\"#15803d\"", -1)).hasSize(3);
  }

  @Test
  void theHighestP99SitsAtTheTopAndZeroAtTheBottom() {
    String svg =
        TrendChart.svg(
            "t", List.of(new TrendChart.Run(0, 0, true), new TrendChart.Run(5, 10, true)));

    // 10 ms scaled to 110% of the plot: y = 120 - 6 - 10/11 * 108 = 15.8; zero at y = 114.
    assertThat(svg).contains("points=\"6.0,114.0 474.0,15.8\"");
  }

  @Test
  void aProfileNameIsEscapedInTheTitle() {
    assertThat(TrendChart.svg("<x>", List.of(new TrendChart.Run(1, 2, true))))
        .contains("<title>&lt;x&gt;")
        .doesNotContain("<x>");
  }
}
