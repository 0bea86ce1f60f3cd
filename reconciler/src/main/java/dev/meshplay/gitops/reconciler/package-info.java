/**
 * The daemon and CLI: wires git/, render/ and the cluster adapter into the reconcile loop, and
 * serves the read-only status page.
 */
package dev.meshplay.gitops.reconciler;
