package dev.meshplay.gitops.reconciler.web;

/**
 * The one script, served from {@code /static/live.js} (the Content-Security-Policy allows scripts
 * from our origin only, none inline). It listens to the event stream and, when a status changes,
 * fetches the page again and swaps its {@code <main>}, so badges follow without a full reload.
 * Without JavaScript the pages refresh themselves through a {@code <noscript>} meta refresh.
 */
final class LiveScript {
  static final String PATH = "/static/live.js";

  static final String JS =
      """
      'use strict';
      (function () {
        var main = document.querySelector('main[data-live]');
        if (!main || !window.EventSource || !window.fetch) { return; }
        var waiting = false;
        function refresh() {
          if (waiting) { return; }
          waiting = true;
          // Passes of several clusters end together: one fetch for the burst, at most one a second.
          setTimeout(function () {
            fetch(location.href, {credentials: 'same-origin', cache: 'no-store'})
              .then(function (r) { return r.ok ? r.text() : null; })
              .then(function (text) {
                waiting = false;
                if (text === null) { return; }
                var next = new DOMParser().parseFromString(text, 'text/html').querySelector('main');
                var here = document.querySelector('main');
                if (next && here) { here.replaceWith(document.importNode(next, true)); }
                document.body.setAttribute('data-refreshed', String(Date.now()));
              })
              .catch(function () { waiting = false; });
          }, 1000);
        }
        var stream = new EventSource('/api/v1/events/stream');
        stream.addEventListener('status', refresh);
        stream.addEventListener('event', refresh);
        stream.addEventListener('open', function () { document.body.setAttribute('data-live', 'on'); });
      })();
      """;

  private LiveScript() {}
}
