package dev.meshplay.gitops.reconciler.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The recent events, in memory and bounded: once full, each new event drops the oldest, so a daemon
 * that runs for months holds as much as one that just started. Subscribers (the live stream) are
 * told of every event and of every status change; they must be quick and must not throw.
 */
public final class EventLog {
  /** Enough for a screen of history across a few sources, small enough to never matter. */
  public static final int DEFAULT_CAPACITY = 500;

  private final int capacity;
  private final ArrayDeque<Event> events;
  private final List<Consumer<LogUpdate>> subscribers = new CopyOnWriteArrayList<>();
  private long next = 1;

  public EventLog() {
    this(DEFAULT_CAPACITY);
  }

  public EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.events = new ArrayDeque<>(capacity);
  }

  /** Records the events in the order given, numbering them, and tells the subscribers. */
  public void record(List<Event> batch) {
    List<Event> numbered = new ArrayList<>(batch.size());
    synchronized (this) {
      for (Event event : batch) {
        Event e = event.numbered(next++);
        if (events.size() == capacity) {
          events.removeFirst();
        }
        events.addLast(e);
        numbered.add(e);
      }
    }
    numbered.forEach(e -> publish(new LogUpdate.Recorded(e)));
  }

  public void record(Event event) {
    record(List.of(event));
  }

  /** Tells the subscribers that a pass rewrote a status (nothing is stored). */
  public void statusChanged(String source, String cluster) {
    publish(new LogUpdate.StatusChanged(source, cluster));
  }

  /** At most {@code limit} events, newest first. */
  public synchronized List<Event> recent(int limit) {
    List<Event> out = new ArrayList<>(Math.min(limit, events.size()));
    for (Iterator<Event> it = events.descendingIterator(); it.hasNext() && out.size() < limit; ) {
      out.add(it.next());
    }
    return out;
  }

  /** The events numbered after {@code seq} still held, oldest first: what a reconnect missed. */
  public synchronized List<Event> after(long seq) {
    return events.stream().filter(e -> e.seq() > seq).toList();
  }

  /** Subscribes; closing the handle unsubscribes. */
  public AutoCloseable subscribe(Consumer<LogUpdate> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public int capacity() {
    return capacity;
  }

  private void publish(LogUpdate update) {
    for (Consumer<LogUpdate> s : subscribers) {
      s.accept(update);
    }
  }
}
