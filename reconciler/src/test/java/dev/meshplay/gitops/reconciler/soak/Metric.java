package dev.meshplay.gitops.reconciler.soak;

/** What a soak samples; byte metrics are reported in MiB. */
public enum Metric {
  HEAP_AFTER_GC("heap after GC", true),
  RSS("RSS", true),
  THREADS("threads", false),
  FDS("open fds besides packs", false),
  PACKS("open Git packs", false);

  private final String label;
  private final boolean bytes;

  Metric(String label, boolean bytes) {
    this.label = label;
    this.bytes = bytes;
  }

  public String label() {
    return label;
  }

  /** The value in the unit the report uses: MiB for bytes, a count otherwise. */
  public double inUnit(double value) {
    return bytes ? value / (1024.0 * 1024.0) : value;
  }

  public String unit() {
    return bytes ? "MiB" : "";
  }
}
