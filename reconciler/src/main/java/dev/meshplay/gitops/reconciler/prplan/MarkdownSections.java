package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.Provenance;
import java.util.Locale;

/** The collapsible sections of {@link MarkdownReport}, one per design × cluster. */
final class MarkdownSections {
  private MarkdownSections() {}

  static String design(DesignPlan design, String fileLinks) {
    StringBuilder out = new StringBuilder("<details><summary><code>");
    out.append(html(design.design())).append("</code> → ").append(html(design.cluster()));
    out.append(
        ": %d create, %d update, %d prune"
            .formatted(
                design.count(Action.CREATE),
                design.count(Action.UPDATE),
                design.count(Action.PRUNE)));
    out.append("</summary>\n\n");
    for (Diagnostic error : design.errors()) {
      out.append("- ❌ ")
          .append(location(error.file(), error.line(), fileLinks))
          .append(": ")
          .append(cell(error.message()))
          .append('\n');
    }
    for (Finding finding : design.findings()) {
      Provenance at = finding.location();
      out.append("- ")
          .append(finding.blocks() ? "⛔ deny" : "⚠️ " + finding.severity().word())
          .append(" `")
          .append(finding.ruleId())
          .append("` ")
          .append(at == null ? "" : location(at.file(), at.line(), fileLinks))
          .append(": ")
          .append(cell(finding.message()))
          .append('\n');
    }
    if (!design.changes().isEmpty()) {
      out.append("\n```diff\n");
      for (ObjectChange change : design.changes()) {
        out.append(diffSign(change.action()))
            .append(' ')
            .append(Notes.word(change.action()))
            .append(' ')
            .append(change.ref());
        if (change.note() != null) {
          out.append("  (").append(change.note()).append(')');
        }
        out.append('\n');
        change.diffs().forEach(d -> out.append("!     ").append(d.line()).append('\n'));
      }
      out.append("```\n");
    }
    return out.append("\n</details>\n").toString();
  }

  static String baseDeltas(PullRequestPlan plan) {
    StringBuilder out = new StringBuilder("<details><summary>Designs changed against ");
    out.append(html(plan.base())).append("</summary>\n\n```diff\n");
    for (DesignDelta delta : plan.baseDeltas()) {
      char sign =
          switch (delta.kind()) {
            case ADDED -> '+';
            case REMOVED -> '-';
            case CHANGED -> '!';
          };
      out.append(sign)
          .append(' ')
          .append(delta.kind().name().toLowerCase(Locale.ROOT))
          .append(' ')
          .append(delta.ref())
          .append("  (")
          .append(delta.design())
          .append(")\n");
      delta.diffs().forEach(d -> out.append("!     ").append(d.line()).append('\n'));
    }
    return out.append("```\n\n</details>\n").toString();
  }

  // In a ```diff block the first column colours the line: + green, - red, ! orange.
  private static char diffSign(Action action) {
    return switch (action) {
      case CREATE -> '+';
      case PRUNE -> '-';
      case UPDATE, DRIFTED, ADOPT -> '!';
      default -> ' ';
    };
  }

  private static String location(String file, int line, String fileLinks) {
    String text = file + ":" + line;
    return fileLinks == null
        ? "`" + text + "`"
        : "[`" + text + "`](" + fileLinks + file + "#L" + line + ")";
  }

  static String cell(String text) {
    return html(text).replace("|", "\\|").replace("\n", " ");
  }

  static String html(String text) {
    return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
