/** Module perf-jobs. */
package dev.meshplay.gitops.perf;
