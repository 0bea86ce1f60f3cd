/** Benchmark files: Meshery profiles and SMP test configs, read with file:line diagnostics. */
package dev.meshplay.gitops.perf.profile;
