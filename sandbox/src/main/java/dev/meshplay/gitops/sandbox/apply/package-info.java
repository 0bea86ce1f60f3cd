/**
 * Server-side apply and field ownership as pure functions over plain-value objects: merge an
 * applied configuration, prune what its manager stopped applying, detect conflicts, and record
 * managedFields for every kind of write.
 */
package dev.meshplay.gitops.sandbox.apply;
