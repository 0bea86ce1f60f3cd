/** Module policies. */
package dev.meshplay.gitops.policies;
