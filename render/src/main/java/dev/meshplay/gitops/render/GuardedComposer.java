package dev.meshplay.gitops.render;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The engine's composer with a nesting limit: it composes recursively, so a file of a million
 * {@code [} would otherwise end in a StackOverflowError instead of a diagnostic. It also remembers
 * the last event read, because the engine's alias-limit error carries no position.
 */
final class GuardedComposer extends Composer {
  private final int maxDepth;
  private int depth;

  private GuardedComposer(LoadSettings settings, TrackingParser parser, int maxDepth) {
    super(settings, parser);
    this.maxDepth = maxDepth;
  }

  static GuardedComposer of(LoadSettings settings, String text, int maxDepth) {
    var parser = new TrackingParser(new ParserImpl(settings, new StreamReader(settings, text)));
    return new GuardedComposer(settings, parser, maxDepth);
  }

  /** Where the parser was last: the best position for errors the engine reports without one. */
  Optional<Mark> lastMark() {
    return ((TrackingParser) parser).last;
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new ComposerException(
          "nesting deeper than " + maxDepth + " levels", parser.peekEvent().getStartMark());
    }
  }

  /** Delegates to the engine's parser and keeps the start of the last event handed out. */
  private static final class TrackingParser implements Parser {
    private final Parser delegate;
    private Optional<Mark> last = Optional.empty();

    TrackingParser(Parser delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return delegate.peekEvent();
    }

    @Override
    public Event next() {
      Event event = delegate.next();
      last = event.getStartMark();
      return event;
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }
  }
}
