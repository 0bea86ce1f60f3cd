package dev.meshplay.gitops.git;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
      throw new TransportException(
          "unsupported URL "
              + source.displayUrl()
              + ": "
              + String.valueOf(e.getMessage()).replace(source.url(), source.displayUrl()),
          e);
    }
    // Without it JGit waits forever on a remote that accepts and never answers.
    transport.setTimeout((int) Math.min(Integer.MAX_VALUE, source.timeout().toSeconds()));
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

  /** One exchange with the remote, as JGit throws it. */
  interface Exchange<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code exchange} on a virtual thread and waits for it. JGit's timeout interrupts the
   * thread blocked reading, and since JDK 13 only a virtual thread's socket read gives way to an
   * interrupt: on a platform thread a remote that accepts and never answers (git://) holds it
   * forever.
   */
  <T> T call(Exchange<T> exchange) throws IOException {
    if (Thread.currentThread().isVirtual()) {
      return timedOutNamed(exchange);
    }
    FutureTask<T> task = new FutureTask<>(() -> timedOutNamed(exchange));
    Thread worker = Thread.ofVirtual().name("git-" + source.name()).start(task);
    try {
      return task.get();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while talking to " + source.displayUrl());
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  // The interrupt closes the socket, and the JDK reports that as "Closed by interrupt".
  private <T> T timedOutNamed(Exchange<T> exchange) throws IOException {
    try {
      return exchange.run();
    } catch (IOException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (String.valueOf(t.getMessage()).contains("Closed by interrupt")) {
          throw new TransportException(
              "timed out: the remote sent nothing for " + source.timeout().toSeconds() + "s", e);
        }
      }
      throw e;
    }
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
