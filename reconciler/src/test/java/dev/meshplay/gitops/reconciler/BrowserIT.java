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
            .write("manifests/shop/web.yaml", WORKLOAD)
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
    // The page script swaps the content when a status changes (the Deployment rolls out), so
    // elements are looked up again until the assertion holds.
    eventually(
        () ->
            assertThat(page.findElement(By.cssSelector("h2 .badge")).getText())
                .isEqualTo("Synced"));
    // The graph: four objects, the Service's network edge and the ConfigMap's reference edge.
    eventually(
        () -> {
          assertThat(page.findElements(By.cssSelector("svg.graph g.node"))).hasSize(4);
          assertThat(page.findElement(By.cssSelector("svg.graph")).getText())
              .contains("network", "reference", "inventory");
        });
    awaitLive(page);
    save("design.png");
    eventually(() -> save(page.findElement(By.cssSelector(".graph-box")), "graph.png"));

    page.findElement(By.linkText("ConfigMap/browser/settings")).click();
    awaitText(page, "greeting: hello");
    assertThat(page.findElement(By.cssSelector("pre.yaml")).getText())
        .contains("app.kubernetes.io/managed-by: meshplay-gitops", "meshplay.dev/source: browser");
    save("object.png");
    page.navigate().back();
    awaitText(page, "ConfigMap/browser/settings");

    // A broken commit lands: the stream tells the page script, which swaps in the new content.
    String broken =
        repo.write("manifests/shop/settings.yaml", "kind: [unclosed\n").commit("shop: broken");
    awaitText(page, "Failed");
    eventually(
        () ->
            assertThat(page.findElement(By.cssSelector("h2 .badge")).getText())
                .isEqualTo("Failed"));

    String fixed =
        repo.write("manifests/shop/settings.yaml", configMap("hola")).commit("shop: fixed");
    page.get(base + "/");
    awaitText(page, fixed.substring(0, 7));
    awaitText(page, "shop: fixed");
    eventually(
        () ->
            assertThat(page.findElement(By.cssSelector("td .badge")).getText())
                .isEqualTo("Synced"));
    assertThat(broken).isNotEqualTo(fixed);

    page.get(base + "/clusters");
    awaitText(page, "reachable");
    save("clusters.png");

    page.get(base + "/events");
    awaitText(page, "render-failed");
    awaitText(page, "created");
    save("events.png");
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

  /** The page's script has connected to the event stream: badges now follow without reloads. */
  private static void awaitLive(WebDriver page) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> "on".equals(page.findElement(By.tagName("body")).getAttribute("data-live")));
  }

  private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptions()
        .untilAsserted(assertion);
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

  private static final String WORKLOAD =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: browser
      spec:
        replicas: 1
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: nginx:1.27
                envFrom:
                  - configMapRef: {name: settings}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        namespace: browser
      spec:
        selector: {app: web}
        ports:
          - port: 80
      """;

  private void save(org.openqa.selenium.WebElement element, String name) {
    browser.screenshot(element, Path.of("target", "browser", name));
    if (Boolean.getBoolean("docs.screenshots")) {
      browser.screenshot(element, Path.of("..", "docs", "images", name));
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
