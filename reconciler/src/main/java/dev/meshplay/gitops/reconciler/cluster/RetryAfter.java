package dev.meshplay.gitops.reconciler.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait an API server asks for in a {@code Retry-After} header: whole seconds, or an HTTP date.
 * Capped, so a wrong header cannot stall a pass for hours.
 */
public final class RetryAfter {
  /** The longest wait honoured; a longer ask waits this long, then the normal backoff follows. */
  public static final Duration LONGEST = Duration.ofMinutes(1);

  private RetryAfter() {}

  /** The wait {@code header} asks for, from {@code now}; empty when absent or unreadable. */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        wait =
            Duration.between(
                now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
  }
}
