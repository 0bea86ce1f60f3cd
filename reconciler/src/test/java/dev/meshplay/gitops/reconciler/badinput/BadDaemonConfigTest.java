package dev.meshplay.gitops.reconciler.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad {@code serve --config} file of the corpus stops the start with a message naming the
 * file and the setting; none gets through and none fails with an unexpected exception.
 */
class BadDaemonConfigTest {
  private static final CaseTally TALLY = new CaseTally();
  @TempDir Path tmp;

  @AfterAll
  static void writeFigures() {
    TALLY.write("daemon-config");
  }

  @TestFactory
  Stream<DynamicTest> everyBadConfigNamesTheSetting() {
    return BadInputCorpus.category("daemon-config").stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private void check(BadInputCase c) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "case");
    Path file = dir.resolve("serve.yaml");
    Files.write(file, c.files().values().iterator().next());
    String problem = null;
    try {
      ConfigLoader.load(file);
      problem = "accepted";
    } catch (RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (!e.getClass().getSimpleName().equals("ConfigException")) {
        problem = "unexpected " + e;
      } else if (!message.startsWith("serve.yaml") || !message.contains(c.expect())) {
        problem = "message does not name the setting: " + message;
      }
    }
    TALLY.record(c, problem, false);
    assertThat(CaseTally.passes(c, problem)).as(c + ": " + problem).isTrue();
  }
}
