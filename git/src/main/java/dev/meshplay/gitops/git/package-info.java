/**
 * Git sources: watching a remote branch and its pull-request refs cheaply ({@link
 * dev.meshplay.gitops.git.SourceMirror}, one ls-remote per poll when nothing changed), change
 * events ({@link dev.meshplay.gitops.git.RefEvent}), reading a commit's files straight from the
 * object database ({@link dev.meshplay.gitops.git.Snapshot}), and writing reports and notes back by
 * fast-forward only ({@link dev.meshplay.gitops.git.CommitBack}). Webhook parsing and signature
 * checks live in {@code webhook}.
 *
 * <p>Only this module touches JGit. It knows nothing of Kubernetes or designs.
 */
package dev.meshplay.gitops.git;
