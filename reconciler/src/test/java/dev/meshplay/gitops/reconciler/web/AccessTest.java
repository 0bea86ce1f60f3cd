package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.access.Credential;
import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.status.DesignState;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With credentials configured, pages and API need one; probes and the webhook stay open. */
class AccessTest {
  private static final String TOKEN = "t0ken-for-tests";
  private static final String PASSWORD = "pa55-for-tests";

  @TempDir Path tmp;
  private LocalServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withoutOrWithWrongCredentialsThePagesAndApiAnswer401WithAChallenge() throws Exception {
    start(true);

    for (String path : List.of("/", "/api/v1/status", "/events", "/metrics", "/static/live.js")) {
      HttpResponse<String> none = server.get(path);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().allValues("WWW-Authenticate"))
          .as(path)
          .containsExactlyInAnyOrder(
              "Bearer realm=\"meshplay-gitops\"",
              "Basic realm=\"meshplay-gitops\", charset=\"UTF-8\"");
    }
    assertThat(server.get("/", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(server.get("/", "Authorization", basic("admin", "wrong")).statusCode())
        .isEqualTo(401);
    assertThat(server.get("/", "Authorization", basic("root", PASSWORD)).statusCode())
        .isEqualTo(401);
    assertThat(server.get("/", "Authorization", "Basic not-base64!").statusCode()).isEqualTo(401);
  }

  @Test
  void theRightBearerTokenOrPasswordLetsTheRequestIn() throws Exception {
    start(true);

    assertThat(server.get("/api/v1/status", "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(server.get("/", "Authorization", basic("admin", PASSWORD)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void probesStayOpenAndMetricsTooWhenNotProtected() throws Exception {
    start(false);

    assertThat(server.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(server.get("/readyz").statusCode()).isIn(200, 503);
    assertThat(server.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(server.get("/").statusCode()).isEqualTo(401);
  }

  private void start(boolean protectMetrics) throws Exception {
    Path password = tmp.resolve("password");
    Files.writeString(password, PASSWORD + "\n");
    Path token = tmp.resolve("token");
    Files.writeString(token, TOKEN);
    WebAccess access =
        new WebAccess(
            List.of(
                new Credential.Bearer(Secret.file(token)),
                new Credential.Basic("admin", Secret.file(password))),
            protectMetrics);
    server =
        new LocalServer(
            store(source("m", design("web", DesignState.SYNCED, List.of()))),
            new ServerParts(new EventLog(), new ManifestStore(), access));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
