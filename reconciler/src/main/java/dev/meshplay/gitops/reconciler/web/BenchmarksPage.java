package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;

/** The benchmarks page: per profile the next run and the latest result. */
final class BenchmarksPage {
  private BenchmarksPage() {}

  static String render(BenchmarkResults benchmarks) {
    StringBuilder html = new StringBuilder(2048);
    if (benchmarks.profiles().isEmpty() && benchmarks.problems().isEmpty()) {
      html.append("<h2>Benchmarks</h2><p class=\"muted\">No benchmark profiles found.</p>");
    }
    BenchmarkSection.render(html, benchmarks);
    return Layout.page("Benchmarks", Layout.Nav.BENCHMARKS, 10, html);
  }
}
