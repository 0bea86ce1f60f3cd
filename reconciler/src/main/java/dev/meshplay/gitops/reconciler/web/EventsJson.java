package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.events.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /api/v1/events} document and the data of each streamed event. */
final class EventsJson {
  private EventsJson() {}

  static String of(List<Event> events, int capacity) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("capacity", capacity);
    root.put("events", events.stream().map(EventsJson::event).toList());
    return StatusJson.write(root);
  }

  static Map<String, Object> event(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("time", e.time().toString());
    m.put("kind", e.kind().label());
    m.put("source", e.source());
    m.put("cluster", e.cluster());
    m.put("design", e.design());
    m.put("message", SecretRedaction.text(e.message()));
    return m;
  }
}
