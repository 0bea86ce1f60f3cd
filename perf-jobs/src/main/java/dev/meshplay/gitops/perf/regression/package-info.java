/**
 * Regression verdicts: whether a run is valid, its change against a baseline with a block bootstrap
 * confidence interval ({@link dev.meshplay.gitops.perf.regression.RunJudge}), baselines (rolling or
 * pinned), and change points of a series by E-divisive means with a t-test ({@link
 * dev.meshplay.gitops.perf.regression.EDivisive}). Pure and deterministic: the same inputs give the
 * same verdict. docs/regression.md explains the statistics.
 */
package dev.meshplay.gitops.perf.regression;
