package dev.meshplay.gitops.git;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Opens transports to one source's remote with its credentials. Secrets are read at each open so
 * that rotated tokens and files take effect without a restart.
 */
final class RemoteAccess implements AutoCloseable {
  static final String TOKEN_USER = "x-access-token";

  private final GitSource source;
  private SshdSessionFactory ssh;

  RemoteAccess(GitSource source) {
    this.source = source;
  }

  /** A transport from {@code repository} to the source's URL, authenticated. */
  Transport open(Repository repository) throws TransportException {
    Transport transport;
    try {
      transport = Transport.open(repository, source.url());
    } catch (NotSupportedException | URISyntaxException e) {
      throw new TransportException("unsupported URL " + source.url() + ": " + e.getMessage(), e);
    }
    switch (source.credentials()) {
      case Credentials.None none -> {}
      case Credentials.Token token ->
          transport.setCredentialsProvider(
              new UsernamePasswordCredentialsProvider(TOKEN_USER, token.token().reveal()));
      case Credentials.Basic basic ->
          transport.setCredentialsProvider(
              new UsernamePasswordCredentialsProvider(basic.username(), basic.password().reveal()));
      case Credentials.SshKey key -> {
        if (transport instanceof SshTransport sshTransport) {
          sshTransport.setSshSessionFactory(sshFactory(key));
        }
      }
    }
    return transport;
  }

  // One factory per source: it holds the key and host-key database, and ignores ~/.ssh entirely
  // so that the daemon's behaviour depends on its configuration only.
  private synchronized SshdSessionFactory sshFactory(Credentials.SshKey key) {
    if (ssh == null) {
      Path keyFile = key.privateKey().toAbsolutePath();
      File sshDir = keyFile.getParent().toFile();
      ssh =
          new SshdSessionFactoryBuilder()
              .setHomeDirectory(sshDir)
              .setSshDirectory(sshDir)
              .setConfigStoreFactory((home, config, user) -> null)
              .setDefaultIdentities(dir -> List.of(keyFile))
              .setDefaultKnownHostsFiles(dir -> List.of(key.knownHosts().toAbsolutePath()))
              .setPreferredAuthentications("publickey")
              .build(null);
    }
    return ssh;
  }

  @Override
  public synchronized void close() {
    if (ssh != null) {
      ssh.close();
      ssh = null;
    }
  }
}
