package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one pass rendered, planned and did: the input of its design statuses.
 *
 * @param lastRepair per object, the drifted paths its most recent repair put back
 * @param waiting designs not applied because a dependency is not healthy yet, with the reason
 * @param adopted per object this daemon took over in place, how (the adoption's note)
 */
record PassResult(
    RenderedSet rendered,
    Set<String> suspended,
    Findings findings,
    Plan plan,
    Inventory previous,
    List<AppliedChange> applied,
    List<AppliedChange> pruned,
    Map<ObjectRef, Health> health,
    Map<ObjectRef, List<String>> lastRepair,
    Map<String, String> waiting,
    Map<ObjectRef, String> adopted) {}
