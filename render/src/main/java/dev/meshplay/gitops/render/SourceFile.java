package dev.meshplay.gitops.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text of one repository file. Files a person would never write as a design are refused before
 * the parser sees them: over 5 MiB, containing NUL bytes (binary), or not UTF-8.
 *
 * @param path repository-relative, with {@code /} separators
 */
record SourceFile(String path, String text) {
  static final long MAX_BYTES = 5L * 1024 * 1024;
  private static final int SNIFF_BYTES = 64 * 1024;

  /**
   * @param root the repository's real path: a file whose real path lies outside it is refused
   */
  static SourceFile read(Path root, String path) throws SourceException {
    Path file = root.resolve(path);
    try {
      if (!file.toRealPath().startsWith(root)) {
        throw error(path, 0, "symlink leaves the repository");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw error(path, 0, "file is " + size + " bytes; design files are limited to 5 MiB");
      }
      byte[] bytes = Files.readAllBytes(file);
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          throw error(path, lineAt(bytes, i), "file contains NUL bytes (binary, not YAML)");
        }
      }
      String text = decode(path, bytes);
      return new SourceFile(path, text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (IOException e) {
      throw error(path, 0, "cannot read file: " + e);
    }
  }

  /**
   * The parsed documents; a syntax error fails with the parser's line and column. A {@code .json}
   * file must also be strict JSON.
   */
  List<YamlNode> documents() throws SourceException {
    try {
      if (path.endsWith(".json")) {
        StrictJson.check(text);
      }
      return YamlReader.read(path, text);
    } catch (YamlException e) {
      throw new SourceException(e.toDiagnostic(path));
    }
  }

  /** The start of a file, decoded leniently: enough to guess what an unreadable file was. */
  static String head(Path root, String path) {
    try (InputStream in = Files.newInputStream(root.resolve(path))) {
      return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String decode(String path, byte[] bytes) throws SourceException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(path, 0, "file is not UTF-8 text");
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static SourceException error(String path, int line, String message) {
    return new SourceException(Diagnostic.error(path, line, 0, message));
  }
}
