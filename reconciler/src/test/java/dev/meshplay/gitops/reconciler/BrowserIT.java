package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The page in a real headless Chromium over a running daemon: overview, follow a design, see a
 * commit land and the badge change. Skipped where Chromium or chromedriver is not installed.
 * Screenshots go to {@code target/browser/}, and to {@code docs/images/} with {@code
 * -Ddocs.screenshots=true}.
 */
class BrowserIT {
  private static final String NAMESPACE =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: browser\n";
  private static final String HOSTILE_COMMIT = "shop: <script>alert('x')</script> \"quoted\"";

  @TempDir Path tmp;
  private DesignRepository repo;
  private TestCluster cluster;
  private Daemon daemon;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    Path[] executables = Browser.installed().orElse(null);
    Assumptions.assumeTrue(executables != null, "chromium and chromedriver are not installed");
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = TestCluster.start();
    browser = Browser.start(executables, tmp.resolve("chromium-profile"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (daemon != null) {
      daemon.close();
    }
    if (cluster != null) {
      cluster.client().namespaces().withName("browser").delete();
      cluster
          .client()
          .configMaps()
          .inNamespace("meshplay-system")
          .withName("inventory-browser")
          .delete();
      cluster.close();
    }
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  void anOperatorFollowsADesignAndSeesACommitLandAndTheBadgeChange() throws Exception {
    String first =
        repo.write("manifests/shop/namespace.yaml", NAMESPACE)
            .write("manifests/shop/settings.yaml", configMap("hello"))
            .commit(HOSTILE_COMMIT);
    startDaemon();
    WebDriver page = browser.driver();
    String base = "http://127.0.0.1:" + daemon.port();

    page.get(base + "/");
    awaitText(page, "Synced");
    awaitText(page, first.substring(0, 7));
    // The hostile commit message shows as text; had it run, an alert would have broken the driver.
    assertThat(page.findElement(By.tagName("body")).getText()).contains(HOSTILE_COMMIT);
    assertThat(page.findElements(By.cssSelector("link[rel=stylesheet]"))).hasSize(1);
    save("overview.png");

    page.findElement(By.linkText("shop")).click();
    awaitText(page, "ConfigMap/browser/settings");
    assertThat(page.getCurrentUrl())
        .contains("/design?source=browser&cluster=sandbox&path=manifests%2Fshop");
    assertThat(page.findElement(By.cssSelector("h2 .badge")).getText()).isEqualTo("Synced");
    save("design.png");

    // A broken commit lands: the page reloads itself (no script) and the badge turns Failed.
    String broken =
        repo.write("manifests/shop/settings.yaml", "kind: [unclosed\n").commit("shop: broken");
    awaitText(page, "Failed");
    assertThat(page.findElement(By.cssSelector("h2 .badge")).getText()).isEqualTo("Failed");

    String fixed =
        repo.write("manifests/shop/settings.yaml", configMap("hola")).commit("shop: fixed");
    page.get(base + "/");
    awaitText(page, fixed.substring(0, 7));
    awaitText(page, "shop: fixed");
    assertThat(page.findElement(By.cssSelector("td .badge")).getText()).isEqualTo("Synced");
    assertThat(broken).isNotEqualTo(fixed);

    page.get(base + "/clusters");
    awaitText(page, "reachable");
    save("clusters.png");
  }

  private void startDaemon() {
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofMillis(300),
            List.of(new GitSource("browser", repo.dir().toString(), "main")),
            ClusterConfig.sandbox());
    daemon =
        Daemon.start(
            config,
            new KubernetesCluster(cluster.name(), cluster.client()),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
  }

  private static void awaitText(WebDriver page, String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> page.findElement(By.tagName("body")).getText().contains(text));
  }

  private void save(String name) {
    browser.screenshot(Path.of("target", "browser", name));
    if (Boolean.getBoolean("docs.screenshots")) {
      browser.screenshot(Path.of("..", "docs", "images", name));
    }
  }

  private static String configMap(String greeting) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: browser
        data:
          greeting: %s
        """
        .formatted(greeting);
  }
}
