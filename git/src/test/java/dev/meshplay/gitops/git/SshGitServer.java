package dev.meshplay.gitops.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH server on the loopback (Apache MINA sshd, the library JGit's SSH transport is built
 * on) that serves one repository's {@code git-upload-pack} to the keys in an authorized_keys file.
 */
final class SshGitServer implements AutoCloseable {
  private final SshServer server;

  private SshGitServer(SshServer server) {
    this.server = server;
  }

  static SshGitServer start(Repository repository, Path authorizedKeys, Path hostKey)
      throws IOException {
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    server.setCommandFactory((channel, command) -> new UploadPackCommand(repository, command));
    server.start();
    return new SshGitServer(server);
  }

  int port() {
    return server.getPort();
  }

  /** A known_hosts line for this server, as {@code ssh-keyscan} would print it. */
  String knownHostsLine() throws Exception {
    KeyPair key = server.getKeyPairProvider().loadKeys(null).iterator().next();
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(key.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  /** Runs {@code git-upload-pack 'path'} against the served repository. */
  private static final class UploadPackCommand implements Command {
    private final Repository repository;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Repository repository, String command) {
      this.repository = repository;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread.ofPlatform()
          .daemon()
          .start(
              () -> {
                if (!command.startsWith("git-upload-pack")) {
                  exit.onExit(1, "only git-upload-pack is served");
                  return;
                }
                try {
                  new UploadPack(repository).upload(in, out, err);
                  out.flush();
                  exit.onExit(0);
                } catch (IOException e) {
                  exit.onExit(1, e.getMessage());
                }
              });
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }

  static void writeAuthorizedKeys(Path file, Path publicKey) throws IOException {
    Files.writeString(file, Files.readString(publicKey));
  }
}
