/**
 * What the daemon commits after a run ({@link dev.meshplay.gitops.perf.report.RunReport}): the
 * result with its verdict, the series, {@code REPORT.md} with SVG charts, and the {@code
 * results/README.md} index. Pure: files are returned as text, the caller commits them.
 */
package dev.meshplay.gitops.perf.report;
