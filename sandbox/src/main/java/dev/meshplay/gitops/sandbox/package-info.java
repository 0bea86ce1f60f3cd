/**
 * An in-process Kubernetes API emulator for the demo and tests: {@link
 * dev.meshplay.gitops.sandbox.SandboxCluster} is the whole public API. The rest of this package is
 * HTTP glue over fabric8's CRUD mock server; the logic lives in the {@code apply}, {@code fields},
 * {@code patch} and {@code discovery} packages.
 */
package dev.meshplay.gitops.sandbox;
