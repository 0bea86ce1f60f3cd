/**
 * Plans for pull requests: what a change would do to every target cluster, computed read-only
 * (nothing is applied), kept per pull request and reported as text, Markdown, JSON or SARIF.
 */
package dev.meshplay.gitops.reconciler.prplan;
