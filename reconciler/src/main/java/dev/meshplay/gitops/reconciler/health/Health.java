package dev.meshplay.gitops.reconciler.health;

/** An object's health as far as its status tells: a state and why. */
public record Health(State state, String message) {

  /** Healthy: done. Progressing: on its way. Degraded: stuck or failed. */
  public enum State {
    HEALTHY,
    PROGRESSING,
    DEGRADED
  }

  public static Health healthy() {
    return new Health(State.HEALTHY, null);
  }

  public static Health progressing(String message) {
    return new Health(State.PROGRESSING, message);
  }

  public static Health degraded(String message) {
    return new Health(State.DEGRADED, message);
  }
}
