/** Benchmark results in the SMP spirit, as YAML or JSON, with full histograms. */
package dev.meshplay.gitops.perf.result;
