package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polling over SSH with a key file and a known_hosts file, against a real SSH server on the
 * loopback; a key the server does not know, and a host key that does not match, both fail with a
 * typed error.
 */
class SshTransportTest {
  @TempDir Path tmp;

  @Test
  void pollsWithAnEd25519Key() throws Exception {
    Path key = keygen("id_ed25519", "ed25519");
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      RevCommit commit = origin.commit("one", "designs/app.yaml", "name: app\n");
      Path authorized = tmp.resolve("authorized_keys");
      SshGitServer.writeAuthorizedKeys(authorized, Path.of(key + ".pub"));
      try (SshGitServer server =
          SshGitServer.start(origin.git().getRepository(), authorized, tmp.resolve("host.ser"))) {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        String url = "ssh://git@127.0.0.1:" + server.port() + "/" + origin.dir().resolve(".git");
        GitSource source =
            new GitSource("ed", url, "main")
                .withCredentials(new Credentials.SshKey(key, knownHosts));
        try (SourceMirror mirror = SourceMirror.open(source, tmp.resolve("cache"))) {
          assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
        }
      }
    }
  }

  @Test
  void pollsWithAKeyAndKnownHostsAndRejectsWhatDoesNotMatch() throws Exception {
    Path key = keygen("id_rsa", "rsa");
    Path stranger = keygen("stranger", "rsa");
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      RevCommit commit = origin.commit("one", "designs/app.yaml", "name: app\n");
      Path authorized = tmp.resolve("authorized_keys");
      SshGitServer.writeAuthorizedKeys(authorized, Path.of(key + ".pub"));
      try (SshGitServer server =
          SshGitServer.start(origin.git().getRepository(), authorized, tmp.resolve("host.ser"))) {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        String url = "ssh://git@127.0.0.1:" + server.port() + "/" + origin.dir().resolve(".git");

        GitSource good =
            new GitSource("ssh", url, "main")
                .withCredentials(new Credentials.SshKey(key, knownHosts));
        try (SourceMirror mirror = SourceMirror.open(good, tmp.resolve("cache"))) {
          assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
        }

        GitSource unknownKey =
            new GitSource("stranger", url, "main")
                .withCredentials(new Credentials.SshKey(stranger, knownHosts));
        try (SourceMirror mirror = SourceMirror.open(unknownKey, tmp.resolve("cache2"))) {
          assertThatThrownBy(mirror::poll)
              .isInstanceOf(GitSourceException.class)
              .hasMessageContaining("source stranger");
        }

        Path wrongHosts = tmp.resolve("wrong_known_hosts");
        Files.writeString(
            wrongHosts,
            "[127.0.0.1]:" + server.port() + " " + Files.readString(Path.of(stranger + ".pub")));
        GitSource spoofed =
            new GitSource("spoofed", url, "main")
                .withCredentials(new Credentials.SshKey(key, wrongHosts));
        try (SourceMirror mirror = SourceMirror.open(spoofed, tmp.resolve("cache3"))) {
          assertThatThrownBy(mirror::poll)
              .isInstanceOf(GitSourceException.class)
              .hasMessageContaining("source spoofed");
        }
      }
    }
  }

  private Path keygen(String name, String type) throws Exception {
    Path key = tmp.resolve(name);
    Process p;
    try {
      p =
          new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "ssh-keygen is not installed");
      throw e;
    }
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return key;
  }
}
