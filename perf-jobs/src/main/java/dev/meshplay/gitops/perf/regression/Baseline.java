package dev.meshplay.gitops.perf.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which earlier runs a new run is compared with: the last {@code runs} accepted ones (rolling), or
 * one named result kept until the profile changes it (pinned).
 */
public sealed interface Baseline {

  /** The last {@code runs} accepted runs. */
  record Rolling(int runs) implements Baseline {}

  /** The result at repository path {@code path}. */
  record Pinned(String path) implements Baseline {}

  static Baseline of(RegressionSettings settings) {
    return settings
        .pinned()
        .<Baseline>map(Pinned::new)
        .orElse(new Rolling(settings.baselineRuns()));
  }

  /**
   * An earlier run: where its result lives and whether its verdict lets it into a rolling baseline.
   */
  record Candidate<T>(String path, boolean accepted, T result) {}

  /** The baseline's results from the earlier runs, oldest first. */
  default <T> List<T> select(List<Candidate<T>> earlier) {
    return switch (this) {
      case Rolling rolling -> {
        List<T> picked = new ArrayList<>();
        for (int i = earlier.size() - 1; i >= 0 && picked.size() < rolling.runs(); i--) {
          if (earlier.get(i).accepted()) {
            picked.add(0, earlier.get(i).result());
          }
        }
        yield picked;
      }
      case Pinned pinned -> {
        Optional<T> named =
            earlier.stream()
                .filter(c -> c.path().equals(pinned.path()))
                .map(Candidate::result)
                .findFirst();
        yield named.map(List::of).orElse(List.of());
      }
    };
  }
}
