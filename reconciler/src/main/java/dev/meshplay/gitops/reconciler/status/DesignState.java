package dev.meshplay.gitops.reconciler.status;

/** A design's state as the API and page show it; {@link #label()} is the contract string. */
public enum DesignState {
  SYNCED("Synced"),
  PROGRESSING("Progressing"),
  DEGRADED("Degraded"),
  FAILED("Failed"),
  SUSPENDED("Suspended");

  private final String label;

  DesignState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
