/**
 * Policy checks over rendered designs: {@link dev.meshplay.gitops.policies.PolicyEngine} runs CEL
 * rules (the built-in best-practice pack plus a repository's own) and relationship checks, and
 * returns {@link dev.meshplay.gitops.policies.Findings}; a {@code deny} finding blocks the apply of
 * its design. Pure: no Git, no cluster.
 */
package dev.meshplay.gitops.policies;
