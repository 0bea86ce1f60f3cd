/** A small HTTP target with configurable latency and stalls, for the demo and tests. */
package dev.meshplay.gitops.perf.demo;
