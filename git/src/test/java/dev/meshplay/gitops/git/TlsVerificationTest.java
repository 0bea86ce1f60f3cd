package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS verification is on by default: a Git remote presenting a certificate no trusted authority
 * signed is refused before any request (so before credentials could be sent), and the error says
 * why.
 */
class TlsVerificationTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path tmp;

  @Test
  void selfSignedRemoteIsRefusedAndNoRequestReachesIt() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpsServer server = selfSignedServer(requests);
    try {
      GitSource source =
          new GitSource(
              "tls", "https://127.0.0.1:" + server.getAddress().getPort() + "/repo.git", "main");
      try (SourceMirror mirror = SourceMirror.open(source, tmp.resolve("mirrors"))) {
        assertThatThrownBy(mirror::poll)
            .isInstanceOf(GitSourceException.class)
            .satisfies(
                e ->
                    assertThat(fullMessage(e).toLowerCase(java.util.Locale.ROOT))
                        .containsAnyOf("certif", "ssl", "pkix", "trust"));
      }
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  private HttpsServer selfSignedServer(AtomicInteger requests) throws Exception {
    Path store = tmp.resolve("server.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    keytool.getInputStream().readAllBytes();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory managers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static String fullMessage(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      out.append(t.getMessage()).append(" / ");
    }
    return out.toString();
  }
}
