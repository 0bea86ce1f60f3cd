package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a YAML (or JSON) stream into positioned trees, with limits that make hostile input fail
 * fast: aliases to collections, nesting depth, and the total size of what aliases expand to.
 */
final class YamlReader {
  static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
  static final int MAX_DEPTH = 200;

  /** Room for aliases to expand beyond the values actually written in the file. */
  private static final int ALIAS_EXPANSION_ALLOWANCE = 100_000;

  private static final int ENGINE_DEFAULT_CODE_POINT_LIMIT = 3 * 1024 * 1024;

  private YamlReader() {}

  /**
   * Every document of the stream in order; an empty document is a null {@link YamlNode.Scalar}.
   *
   * @param label the file name the engine puts in its own messages
   */
  static List<YamlNode> read(String label, String text) throws YamlException {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(label)
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS)
            // Size is limited by the caller; the engine's own limit would reject legal files.
            .setCodePointLimit(Math.max(text.length() + 1, ENGINE_DEFAULT_CODE_POINT_LIMIT))
            .build();
    GuardedComposer composer = GuardedComposer.of(settings, text, MAX_DEPTH);
    NodeConverter converter =
        new NodeConverter(settings, MAX_DEPTH, (long) text.length() + ALIAS_EXPANSION_ALLOWANCE);
    List<YamlNode> documents = new ArrayList<>();
    try {
      while (composer.hasNext()) {
        documents.add(converter.convert(composer.next()));
      }
    } catch (MarkedYamlEngineException e) {
      throw marked(e);
    } catch (ReaderException e) {
      throw atOffset(text, e.getPosition(), e.getMessage());
    } catch (YamlEngineException e) {
      YamlNode.Position at =
          composer.lastMark().map(NodeConverter::position).orElse(new YamlNode.Position(1, 1));
      throw new YamlException(at, e.getMessage());
    }
    return documents;
  }

  private static YamlException marked(MarkedYamlEngineException e) {
    var mark = e.getProblemMark().or(e::getContextMark);
    YamlNode.Position at = mark.map(NodeConverter::position).orElse(new YamlNode.Position(1, 1));
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = e.getContext();
    if (context != null && e.getContextMark().isPresent() && e.getProblemMark().isPresent()) {
      int line = e.getContextMark().get().getLine() + 1;
      problem = context + " (from line " + line + "): " + problem;
    }
    return new YamlException(at, problem);
  }

  /** The reader reports a code-point offset; editors want a line and a column. */
  private static YamlException atOffset(String text, int codePointOffset, String message) {
    int end =
        text.offsetByCodePoints(
            0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new YamlException(line, text.codePointCount(lineStart, end) + 1, message);
  }
}
