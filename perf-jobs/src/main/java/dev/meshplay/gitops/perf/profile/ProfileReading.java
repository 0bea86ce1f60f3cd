package dev.meshplay.gitops.perf.profile;

import java.util.List;

/** What reading one benchmark file gave: a profile (perhaps with warnings) or the reasons not. */
public sealed interface ProfileReading {

  /** Every problem found, errors and warnings, in file order. */
  List<Diagnostic> diagnostics();

  /** The file describes a runnable benchmark. */
  record Accepted(BenchmarkProfile profile, List<Diagnostic> diagnostics)
      implements ProfileReading {
    public Accepted {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** The file has at least one error; {@code diagnostics} names each at its line. */
  record Rejected(String file, List<Diagnostic> diagnostics) implements ProfileReading {
    public Rejected {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}
