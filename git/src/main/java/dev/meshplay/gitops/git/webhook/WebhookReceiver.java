package dev.meshplay.gitops.git.webhook;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns webhook requests into "poll these sources now". Parsing and verification only: it has no
 * side effects, so a rejected request changes nothing.
 *
 * <p>A source with a webhook secret accepts only requests signed with it (GitHub {@code
 * X-Hub-Signature-256}, Gitea {@code X-Gitea-Signature}, Forgejo {@code X-Forgejo-Signature}) or
 * carrying it (GitLab {@code X-Gitlab-Token}). A source without one accepts any request naming its
 * repository: the worst a forged one can do is cause an early poll. A signed request whose delivery
 * id (GitHub {@code X-GitHub-Delivery}, Gitea/Forgejo {@code X-*-Delivery}, GitLab {@code
 * X-Gitlab-Event-UUID}) was accepted before is a replay and is ignored.
 */
public final class WebhookReceiver {
  private final List<GitSource> sources;
  private final Map<String, Secret> secrets;
  private final DeliveryIds deliveries = new DeliveryIds(10_000);

  /**
   * @param sources the sources watched
   * @param secrets webhook secret by source name; sources absent here need no signature
   */
  public WebhookReceiver(List<GitSource> sources, Map<String, Secret> secrets) {
    this.sources = List.copyOf(sources);
    this.secrets = Map.copyOf(secrets);
    Set<String> names = this.sources.stream().map(GitSource::name).collect(Collectors.toSet());
    for (String name : this.secrets.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("webhook secret for unknown source '" + name + "'");
      }
    }
  }

  public WebhookOutcome receive(WebhookRequest request) {
    Provider provider = Provider.of(request);
    if (provider == null) {
      return new WebhookOutcome.Malformed(
          "no X-GitHub-Event, X-Gitlab-Event, X-Gitea-Event or X-Forgejo-Event header");
    }
    String eventName = request.header(provider.eventHeader());
    Optional<HookEvent> parsed;
    try {
      parsed = Payloads.parse(provider, eventName, request.body());
    } catch (IllegalArgumentException e) {
      return new WebhookOutcome.Malformed(provider + " " + eventName + ": " + e.getMessage());
    }
    if (parsed.isEmpty()) {
      return new WebhookOutcome.Ignored(provider + " event '" + eventName + "' needs no poll");
    }
    HookEvent event = parsed.get();
    Set<String> keys =
        event.repositoryUrls().stream().map(RepositoryUrl::key).collect(Collectors.toSet());
    List<GitSource> concerned =
        sources.stream().filter(s -> keys.contains(RepositoryUrl.key(s.url()))).toList();
    if (concerned.isEmpty()) {
      return new WebhookOutcome.Ignored("no source watches " + event.repositoryUrls().getFirst());
    }
    List<GitSource> trusted = new ArrayList<>();
    boolean signed = false;
    for (GitSource source : concerned) {
      Secret secret = secrets.get(source.name());
      if (secret == null) {
        trusted.add(source);
      } else if (Signatures.valid(provider, request, secret.reveal())) {
        trusted.add(source);
        signed = true;
      }
    }
    // A signature proves who sent a request, not when: a captured one stays valid forever, so a
    // signed delivery is accepted once. Unsigned sources accept anything anyway.
    String delivery = DeliveryIds.of(request);
    if (signed && delivery != null && !deliveries.firstTime(delivery)) {
      return new WebhookOutcome.Ignored("delivery " + delivery + " was received before (replay)");
    }
    if (trusted.isEmpty()) {
      return new WebhookOutcome.Rejected(
          "invalid or missing signature for source "
              + concerned.stream().map(GitSource::name).collect(Collectors.joining(", ")));
    }
    List<String> poll =
        trusted.stream().filter(s -> concerns(s, event)).map(GitSource::name).toList();
    if (poll.isEmpty()) {
      return new WebhookOutcome.Ignored(event.ref() + " is not tracked by any source");
    }
    return new WebhookOutcome.Poll(poll, event);
  }

  private static boolean concerns(GitSource source, HookEvent event) {
    return switch (event) {
      case HookEvent.Push push ->
          push.ref().equals(source.ref()) || source.tracksPullRequest(push.ref());
      case HookEvent.PullRequest pull -> source.tracksPullRequest(pull.ref());
    };
  }
}
