package dev.meshplay.gitops.perf.regression;

import java.util.List;
import java.util.Locale;

/**
 * What one run says against its baseline.
 *
 * @param kind the outcome
 * @param reason a sentence a user can act on: the effects with their intervals, or why no
 *     comparison was possible
 * @param effects the measured changes (empty when none was computed)
 */
public record Verdict(Kind kind, String reason, List<Effect> effects) {

  /** The outcomes, in the order the page and the metrics number them. */
  public enum Kind {
    PASS,
    IMPROVED,
    INCONCLUSIVE,
    REGRESSED,
    FAILED,
    INVALID;

    /** The word written in the series and reports. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a word written by {@link #word}. */
    public static Kind of(String word) {
      return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }
  }

  public Verdict {
    effects = List.copyOf(effects);
  }

  public static Verdict of(Kind kind, String reason) {
    return new Verdict(kind, reason, List.of());
  }

  /** Only valid runs that broke nothing and did not regress become part of a rolling baseline. */
  public boolean accepted() {
    return kind == Kind.PASS || kind == Kind.IMPROVED || kind == Kind.INCONCLUSIVE;
  }
}
