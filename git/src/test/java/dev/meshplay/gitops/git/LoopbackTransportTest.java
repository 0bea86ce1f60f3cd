package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same polling over a real network protocol: JGit's git:// daemon on the loopback. */
class LoopbackTransportTest {
  @TempDir Path tmp;

  @Test
  void pollsAndFetchesOverGitProtocol() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      RevCommit commit = origin.commit("one", "designs/app.yaml", "name: app\n");
      Daemon daemon = new Daemon(new InetSocketAddress("127.0.0.1", 0));
      Repository served = origin.git().getRepository();
      RepositoryResolver<org.eclipse.jgit.transport.DaemonClient> resolver =
          (client, name) -> {
            served.incrementOpen();
            return served;
          };
      daemon.setRepositoryResolver(resolver);
      daemon.getService("git-upload-pack").setEnabled(true);
      daemon.start();
      try {
        String url = "git://127.0.0.1:" + daemon.getAddress().getPort() + "/origin";
        try (SourceMirror mirror =
            SourceMirror.open(new GitSource("net", url, "main"), tmp.resolve("cache"))) {
          SourceMirror.PollResult result = mirror.poll();
          assertThat(result.snapshot().commitId()).isEqualTo(commit.name());
          assertThat(result.snapshot().files().paths()).containsExactly("designs/app.yaml");
          assertThat(mirror.poll().fetched()).isFalse();
        }
      } finally {
        daemon.stop();
      }
    }
  }
}
