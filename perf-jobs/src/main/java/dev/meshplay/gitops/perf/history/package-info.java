/**
 * A profile's history in a design repository: where results live ({@link
 * dev.meshplay.gitops.perf.history.ResultPaths}), the append-only series file ({@link
 * dev.meshplay.gitops.perf.history.SeriesFile}), and the change points of a whole series.
 */
package dev.meshplay.gitops.perf.history;
