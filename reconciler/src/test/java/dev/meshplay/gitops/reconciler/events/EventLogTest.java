package dev.meshplay.gitops.reconciler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventLogTest {

  @Test
  void keepsOnlyTheNewestEventsUpToItsCapacityNewestFirst() {
    EventLog log = new EventLog(3);

    IntStream.rangeClosed(1, 5).forEach(i -> log.record(created("object " + i)));

    assertThat(log.recent(10))
        .extracting(Event::message)
        .containsExactly("object 5", "object 4", "object 3");
    assertThat(log.recent(10)).extracting(Event::seq).containsExactly(5L, 4L, 3L);
    assertThat(log.recent(2)).extracting(Event::message).containsExactly("object 5", "object 4");
  }

  @Test
  void aBatchKeepsItsOrderAndNumbersFollowOn() {
    EventLog log = new EventLog(10);
    log.record(created("a"));

    log.record(List.of(created("b"), created("c")));

    assertThat(log.recent(10)).extracting(Event::message).containsExactly("c", "b", "a");
    assertThat(log.after(1)).extracting(Event::message).containsExactly("b", "c");
  }

  @Test
  void subscribersHearEachEventAndEachStatusChangeUntilTheyLeave() throws Exception {
    EventLog log = new EventLog(10);
    List<LogUpdate> heard = new ArrayList<>();
    AutoCloseable subscription = log.subscribe(heard::add);

    log.record(created("a"));
    log.statusChanged("demo", "sandbox");
    subscription.close();
    log.record(created("b"));

    assertThat(heard).hasSize(2);
    assertThat(heard.get(0))
        .isInstanceOfSatisfying(
            LogUpdate.Recorded.class, r -> assertThat(r.event().message()).isEqualTo("a"));
    assertThat(heard.get(1)).isEqualTo(new LogUpdate.StatusChanged("demo", "sandbox"));
  }

  private static Event created(String message) {
    return Event.of(Instant.EPOCH, EventKind.CREATED, "demo", "sandbox", "designs/x.yaml", message);
  }
}
