package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Polling over smart HTTP with basic authentication: the system git's {@code http-backend} behind
 * the JDK's HTTP server on the loopback ({@link GitHttpServer}).
 */
class HttpTransportTest {
  @TempDir Path tmp;
  private BareRemote origin;
  private RevCommit commit;

  @BeforeEach
  void origin() throws Exception {
    origin = BareRemote.init(tmp.resolve("srv/origin.git"));
    commit = origin.commit("main", "designs/app.yaml", "name: app\n", "seed");
  }

  @Test
  void basicCredentialsFromAFileAreSentAndThePollWorks() throws Exception {
    Files.writeString(tmp.resolve("password"), "s3cret\n");
    try (GitHttpServer server = new GitHttpServer(tmp.resolve("srv"), "ada", "s3cret");
        SourceMirror mirror =
            SourceMirror.open(
                source(server)
                    .withCredentials(
                        new Credentials.Basic("ada", Secret.file(tmp.resolve("password")))),
                tmp.resolve("cache"))) {
      assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
      SourceMirror.PollResult again = mirror.poll();
      assertThat(again.fetched()).isFalse();
      assertThat(again.remoteCalls()).isEqualTo(1);
    }
  }

  @Test
  void tokenIsSentAsTheBasicPasswordOfTheTokenUser() throws Exception {
    Files.writeString(tmp.resolve("token"), "ghp_example");
    try (GitHttpServer server =
            new GitHttpServer(tmp.resolve("srv"), RemoteAccess.TOKEN_USER, "ghp_example");
        SourceMirror mirror =
            SourceMirror.open(
                source(server)
                    .withCredentials(new Credentials.Token(Secret.file(tmp.resolve("token")))),
                tmp.resolve("cache"))) {
      assertThat(mirror.poll().snapshot().commitId()).isEqualTo(commit.name());
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationErrorThatNeverShowsTheSecret() throws Exception {
    Files.writeString(tmp.resolve("password"), "wrong-secret");
    try (GitHttpServer server = new GitHttpServer(tmp.resolve("srv"), "ada", "s3cret");
        SourceMirror mirror =
            SourceMirror.open(
                source(server)
                    .withCredentials(
                        new Credentials.Basic("ada", Secret.file(tmp.resolve("password")))),
                tmp.resolve("cache"))) {
      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);

      assertThat(error.reason()).isEqualTo(Reason.AUTHENTICATION);
      assertThat(error).hasMessageContaining("source web").hasMessageNotContaining("wrong-secret");
    }
  }

  @Test
  void missingCredentialsAreAnAuthenticationError() throws Exception {
    try (GitHttpServer server = new GitHttpServer(tmp.resolve("srv"), "ada", "s3cret");
        SourceMirror mirror = SourceMirror.open(source(server), tmp.resolve("cache"))) {
      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);

      assertThat(error.reason()).isEqualTo(Reason.AUTHENTICATION);
    }
  }

  @Test
  void secretsComeFromTheEnvironmentVariableNamed() {
    Secret secret = Secret.env("GIT_TOKEN");

    assertThat(secret.reveal(name -> name.equals("GIT_TOKEN") ? " abc\n" : null)).isEqualTo("abc");
    assertThat(secret.toString()).doesNotContain("abc");
  }

  private static GitSource source(GitHttpServer server) {
    return new GitSource("web", server.url("origin.git"), "main");
  }
}
