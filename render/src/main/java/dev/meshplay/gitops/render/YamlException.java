package dev.meshplay.gitops.render;

/** A file that is not acceptable YAML, located at the parser's 1-based line and column. */
final class YamlException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  YamlException(int line, int column, String message) {
    super(message);
    this.line = line;
    this.column = column;
  }

  YamlException(YamlNode.Position position, String message) {
    this(position.line(), position.column(), message);
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  Diagnostic toDiagnostic(String file) {
    return Diagnostic.error(file, line, column, getMessage());
  }
}
