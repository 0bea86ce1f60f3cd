package dev.meshplay.gitops.reconciler.prplan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The daemon's plans in memory; the planners write, the page reads through {@link
 * PullRequestPlans}.
 */
public final class PlanStore implements PullRequestPlans {
  private final Map<String, PullRequestPlan> plans = new ConcurrentSkipListMap<>();

  public void put(PullRequestPlan plan) {
    plans.put(key(plan.source(), plan.ref()), plan);
  }

  public void remove(String source, String ref) {
    plans.remove(key(source, ref));
  }

  @Override
  public List<PullRequestPlan> all() {
    return List.copyOf(plans.values());
  }

  @Override
  public Optional<PullRequestPlan> find(String source, String ref) {
    return Optional.ofNullable(plans.get(key(source, ref)));
  }

  private static String key(String source, String ref) {
    return source + "\u0000" + ref;
  }
}
