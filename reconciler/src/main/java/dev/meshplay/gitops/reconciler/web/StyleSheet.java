package dev.meshplay.gitops.reconciler.web;

/**
 * The one stylesheet, served from {@code /static/style.css} rather than inlined, so the
 * Content-Security-Policy needs no {@code unsafe-inline}.
 */
final class StyleSheet {
  static final String PATH = "/static/style.css";

  static final String CSS =
      """
      body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
      h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}
      th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
      code{font-size:.9em;word-break:break-all}
      .badge{padding:.1rem .5rem;border-radius:.7rem;font-size:.85em;font-weight:600;white-space:nowrap}
      .Synced,.HEALTHY{background:#d8f3dc;color:#1b4332}.Failed,.DEGRADED{background:#ffd6d6;color:#7a1010}
      .Progressing,.Degraded,.Suspended,.PROGRESSING{background:#fff3c4;color:#6b4e00}
      .err{color:#7a1010}.muted{color:#667}
      nav{display:flex;gap:1rem;border-bottom:1px solid #e3e6ec;padding-bottom:.5rem}
      nav a{text-decoration:none;color:#1d4ed8}nav a.here{font-weight:700;color:#1d2330}
      .num{text-align:right}.trend{max-width:100%;height:auto;display:block;margin:.3rem 0 1rem}
      .nowrap{white-space:nowrap}
      pre.yaml{background:#f6f8fa;border:1px solid #e3e6ec;padding:.7rem;overflow:auto;font-size:.85em}
      .graph-box{overflow-x:auto;border:1px solid #e3e6ec;margin:.5rem 0}
      svg.graph{display:block;font:12px system-ui,sans-serif}
      svg.graph .node rect{fill:#eef2ff;stroke:#6574c4}svg.graph .node text{fill:#1d2330}
      svg.graph .node text.kind{font-weight:700}
      svg.graph .edge path{fill:none;stroke:#8a93a6;stroke-width:1.4}
      svg.graph .edge.declared path{stroke-dasharray:5 3}
      svg.graph .edge text{fill:#4a5266;font-size:11px}svg.graph .arrowhead{fill:#8a93a6}
      @media (max-width:40rem){body{font-size:14px}th,td{padding:.2rem}.wide{display:none}}
      """;

  private StyleSheet() {}
}
