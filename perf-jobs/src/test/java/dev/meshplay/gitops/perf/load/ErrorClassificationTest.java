package dev.meshplay.gitops.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Failures of the target are counted by class, never thrown, and never taken for answers. */
class ErrorClassificationTest {

  private static DemoTarget target;

  @BeforeAll
  static void startTarget() throws InterruptedException {
    target = DemoTarget.start(DemoTarget.Settings.loopback());
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  private static Measurement run(LoadSpec spec) throws Exception {
    return new NettyLoadGenerator().run(spec, ProgressListener.NONE);
  }

  @Test
  void refusedConnectionsCountAsConnectErrors() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");

    Measurement m = run(LoadSpec.get(nowhere, 2, 50, Duration.ofSeconds(1)));

    assertThat(m.errors().connect()).isCloseTo(50L, org.assertj.core.api.Assertions.within(10L));
    assertThat(m.requests()).isEqualTo(m.errors().total());
    assertThat(m.errorRate()).isEqualTo(1.0);
    assertThat(m.responseTime().orElseThrow().getTotalCount()).isZero();
  }

  @Test
  void closedLoopAgainstARefusingPortDoesNotSpin() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");

    Measurement m = run(LoadSpec.get(nowhere, 2, 0, Duration.ofSeconds(1)));

    // Two connections retrying every 10 ms: about 200 attempts, not millions.
    assertThat(m.errors().connect()).isBetween(20L, 400L);
  }

  @Test
  void errorStatusesAreCountedByCode() throws Exception {
    Measurement m = run(LoadSpec.get(target.uri("/status/500"), 2, 100, Duration.ofSeconds(1)));

    assertThat(m.errors().status()).containsOnlyKeys(500);
    assertThat(m.errors().status().get(500)).isEqualTo(m.requests());
    assertThat(m.errors().connect() + m.errors().timeout() + m.errors().io()).isZero();
    assertThat(m.errors().asMap()).containsEntry("status_500", m.requests());
  }

  @Test
  void slowAnswersPastTheTimeoutCountAsTimeouts() throws Exception {
    try (DemoTarget slow =
        DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofSeconds(3)))) {
      LoadSpec spec =
          LoadSpec.get(slow.uri("/"), 2, 20, Duration.ofSeconds(1))
              .withTimeout(Duration.ofMillis(200));

      Measurement m = run(spec);

      assertThat(m.errors().timeout()).isPositive();
      assertThat(m.errors().status()).isEmpty();
      assertThat(m.requests()).isEqualTo(m.errors().total());
    }
  }

  @Test
  void connectionsClosedMidRequestCountAsIoErrors() throws Exception {
    Measurement m = run(LoadSpec.get(target.uri("/close"), 2, 50, Duration.ofSeconds(1)));

    assertThat(m.errors().io()).isPositive();
    assertThat(m.errors().io() + m.errors().connect()).isEqualTo(m.requests());
  }
}
