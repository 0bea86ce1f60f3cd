package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes fed by what the loop keeps beside the status: an object's YAML, the recent events,
 * their live stream, and the script that follows it. All GET.
 */
final class LiveRoutes {
  private static final int DEFAULT_LIMIT = 100;

  private LiveRoutes() {}

  static List<Route> of(StatusStore store, ServerParts parts, EventStream stream) {
    return List.of(
        Route.get("/object", (req, res) -> object(req, res, store, parts, false)),
        Route.get("/api/v1/object", (req, res) -> object(req, res, store, parts, true)),
        Route.get(
            "/events",
            (req, res) ->
                Responses.send(
                    res,
                    Responses.HTML,
                    EventsPage.render(recent(req, parts), parts.events().capacity()))),
        Route.get(
            "/api/v1/events",
            (req, res) ->
                Responses.send(
                    res,
                    Responses.JSON,
                    EventsJson.of(recent(req, parts), parts.events().capacity()))),
        Route.get(EventStream.PATH, stream),
        Route.get(
            LiveScript.PATH,
            (req, res) -> Responses.send(res, "text/javascript; charset=UTF-8", LiveScript.JS)));
  }

  /** {@code 404} with a JSON error or a small page naming what was not found. */
  static void notFound(ServerResponse res, boolean asJson, String what) {
    if (asJson) {
      Responses.notFound(res, Responses.JSON, StatusJson.compact(Map.of("error", what)) + "\n");
    } else {
      String sentence = Character.toUpperCase(what.charAt(0)) + what.substring(1) + ".";
      Responses.notFound(
          res,
          Responses.HTML,
          Layout.page("Not found", null, 0, "<p>" + Html.escape(sentence) + "</p>"));
    }
  }

  private static List<Event> recent(ServerRequest req, ServerParts parts) {
    int limit;
    try {
      limit = Integer.parseInt(req.query().first("limit").orElse(String.valueOf(DEFAULT_LIMIT)));
    } catch (NumberFormatException e) {
      limit = DEFAULT_LIMIT;
    }
    return parts.events().recent(Math.max(1, Math.min(limit, parts.events().capacity())));
  }

  private static void object(
      ServerRequest req, ServerResponse res, StatusStore store, ServerParts parts, boolean asJson) {
    Optional<ObjectPage.Found> found =
        ObjectPage.find(req.query(), store.sources(), parts.manifests());
    if (found.isEmpty()) {
      notFound(res, asJson, "no such object in the last pass");
    } else if (asJson) {
      Responses.send(res, Responses.JSON, ObjectPage.json(found.get()));
    } else {
      Responses.send(res, Responses.HTML, ObjectPage.render(found.get()));
    }
  }
}
