/**
 * CEL for policies: compiling and type-checking expressions once, and running them per object under
 * a cost limit.
 */
package dev.meshplay.gitops.policies.expression;
