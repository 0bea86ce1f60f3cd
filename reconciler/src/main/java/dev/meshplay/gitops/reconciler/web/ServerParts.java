package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;

/**
 * What the daemon hands the server beyond the status: the recent events (and their live stream),
 * the manifests of the last passes (object YAML and graph), and who may read.
 */
public record ServerParts(EventLog events, ManifestStore manifests, WebAccess access) {

  /** Empty events and manifests, open access: for servers without a daemon behind them. */
  public static ServerParts none() {
    return new ServerParts(new EventLog(), new ManifestStore(), WebAccess.open());
  }
}
