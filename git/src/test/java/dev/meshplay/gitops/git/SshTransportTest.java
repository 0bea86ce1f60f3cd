package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polling over SSH with a key file and a known_hosts file, against a real SSH server on the
 * loopback; a key the server does not know, and a host key that does not match, both fail with a
 * typed error.
 */
class SshTransportTest {
  @TempDir Path tmp;
  private SourceRepository origin;
  private RevCommit commit;
  private SshGitServer server;
  private Path knownHosts;
  private String url;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  void pollsWithAnEd25519Key() throws Exception {
    Path key = keygen("id_ed25519", "ed25519");
    serveTo(key);

    try (SourceMirror mirror = mirror("ed", key, knownHosts)) {
      assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
    }
  }

  @Test
  void pollsWithAKeyAndKnownHostsAndRejectsWhatDoesNotMatch() throws Exception {
    Path key = keygen("id_rsa", "rsa");
    Path stranger = keygen("stranger", "rsa");
    serveTo(key);

    try (SourceMirror mirror = mirror("ssh", key, knownHosts)) {
      assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
    }
    try (SourceMirror mirror = mirror("stranger", stranger, knownHosts)) {
      assertThatThrownBy(mirror::poll)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("source stranger");
    }
    Path wrongHosts = tmp.resolve("wrong_known_hosts");
    Files.writeString(
        wrongHosts,
        "[127.0.0.1]:" + server.port() + " " + Files.readString(Path.of(stranger + ".pub")));
    try (SourceMirror mirror = mirror("spoofed", key, wrongHosts)) {
      assertThatThrownBy(mirror::poll)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("source spoofed");
    }
  }

  /** A repository with one commit, served over SSH to {@code key} only. */
  private void serveTo(Path key) throws Exception {
    origin = SourceRepository.init(tmp.resolve("origin"));
    commit = origin.commit("one", "designs/app.yaml", "name: app\n");
    Path authorized = tmp.resolve("authorized_keys");
    SshGitServer.writeAuthorizedKeys(authorized, Path.of(key + ".pub"));
    server = SshGitServer.start(origin.git().getRepository(), authorized, tmp.resolve("host.ser"));
    knownHosts = tmp.resolve("known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    url = "ssh://git@127.0.0.1:" + server.port() + "/" + origin.dir().resolve(".git");
  }

  private SourceMirror mirror(String name, Path key, Path hosts) {
    GitSource source =
        new GitSource(name, url, "main").withCredentials(new Credentials.SshKey(key, hosts));
    return SourceMirror.open(source, tmp.resolve("cache-" + name));
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
