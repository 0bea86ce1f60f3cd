package dev.meshplay.gitops.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of what a design is rendered from: repository-relative paths and the bytes of the files
 * at them (directories walked in sorted order), so the same inputs give the same hash in any
 * checkout of any commit, and any changed, added or removed file changes it.
 */
final class InputHash {
  private final MessageDigest digest;
  private final Path root;

  private InputHash(Path root) {
    this.root = root;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static InputHash under(Path root) {
    return new InputHash(root);
  }

  /** The hash of a text: for combining hashes and other inputs. */
  static String of(String text) {
    return new InputHash(null).text(text).hex();
  }

  InputHash text(String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    return this;
  }

  /** A file, or every file below a directory; a missing path counts as its name alone. */
  InputHash path(String relative) {
    Path start = root.resolve(relative);
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return file(relative, start);
    }
    try (Stream<Path> walk = Files.walk(start)) {
      List<Path> files =
          walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
      for (Path file : files) {
        file(root.relativize(file).toString().replace('\\', '/'), file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("hashing " + relative, e);
    }
    return this;
  }

  private InputHash file(String relative, Path file) {
    text(relative);
    try {
      if (Files.isRegularFile(file)) {
        digest.update(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      // Unreadable: the render reports it; the hash only needs to differ from a readable file's.
      text("unreadable: " + e.getMessage());
    }
    digest.update((byte) 0);
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
