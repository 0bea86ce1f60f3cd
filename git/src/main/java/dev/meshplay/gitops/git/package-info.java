/**
 * Git sources: watching a remote branch cheaply, and reading a commit's files straight from the
 * object database.
 *
 * <p>Only this module touches JGit. It knows nothing of Kubernetes or designs.
 */
package dev.meshplay.gitops.git;
