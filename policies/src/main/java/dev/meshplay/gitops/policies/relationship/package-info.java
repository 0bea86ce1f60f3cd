/**
 * Relationship inference: typed edges between rendered objects in Meshery's vocabulary ({@code
 * kind/type/subType}), and the references that point at nothing.
 */
package dev.meshplay.gitops.policies.relationship;
