/**
 * Policy documents as written in YAML (the built-in pack and a repository's {@code policies/}), and
 * the {@code meshplay.yaml} entries that disable a rule for a design.
 */
package dev.meshplay.gitops.policies.policy;
