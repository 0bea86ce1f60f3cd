/** Kubernetes objects as plain Java maps and lists: reading JSON or YAML, copying, navigating. */
package dev.meshplay.gitops.sandbox.document;
