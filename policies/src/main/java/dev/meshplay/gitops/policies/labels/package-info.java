/** Label maps and label selectors, shared by policy matching and relationship inference. */
package dev.meshplay.gitops.policies.labels;
