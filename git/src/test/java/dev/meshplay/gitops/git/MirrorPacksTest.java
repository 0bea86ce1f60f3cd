package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mirror fetching a commit at a time: each fetch adds a pack, JGit's automatic gc repacks them
 * (in the background) past 50, and the packs it superseded go at once instead of an hour later.
 */
class MirrorPacksTest {
  @TempDir Path tmp;

  @Test
  void packsSupersededByTheAutomaticGcAreDeletedSoTheyDoNotPileUp() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror =
            SourceMirror.open(
                new GitSource("demo", origin.dir().toString(), "main"), tmp.resolve("cache"))) {
      for (int i = 0; i < 70; i++) {
        origin.commit("change " + i, "a.yaml", "a: " + i + "\n");
        assertThat(mirror.poll().fetched()).isTrue();
      }
      String last = origin.commit("last", "a.yaml", "a: last\n").name();
      assertThat(mirror.poll().snapshot().commitId()).isEqualTo(last);

      // Without the setting the gc of every fetch past 50 adds a full pack and deletes none.
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (packs(tmp.resolve("cache")) >= 30 && System.nanoTime() < deadline) {
        Thread.sleep(200); // the gc runs in the background
      }
      assertThat(packs(tmp.resolve("cache"))).isLessThan(30);
      assertThat(mirror.poll().fetched()).isFalse();
    }
  }

  private static long packs(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".pack")).count();
    }
  }
}
