/**
 * Performance benchmarks: {@link dev.meshplay.gitops.perf.Benchmarks} runs a profile ({@code
 * profile}) with a load generator ({@code load}, {@code external}) into a result ({@code result});
 * {@code schedule} runs profiles on cron; {@code demo} is a target server for the demo. See
 * docs/performance.md.
 */
package dev.meshplay.gitops.perf;
