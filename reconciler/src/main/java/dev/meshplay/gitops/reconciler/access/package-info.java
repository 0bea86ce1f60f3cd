/** Optional authentication of the status server: bearer tokens and HTTP basic. */
package dev.meshplay.gitops.reconciler.access;
