package dev.meshplay.gitops.perf.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The built-in generator: HTTP/1.1 keep-alive over Netty, one event loop per core, each request's
 * bytes built once, and per-lane HdrHistogram recorders read by the calling thread.
 *
 * <p>With {@code qps > 0} it runs an open loop on a global schedule and measures response time from
 * each request's intended send time (wrk2's correction for coordinated omission) beside service
 * time from the actual send; with {@code qps == 0} it runs a closed loop and says so.
 */
public final class NettyLoadGenerator implements LoadGenerator {

  private final Transport transport;

  public NettyLoadGenerator() {
    this(Transport.best());
  }

  public NettyLoadGenerator(Transport transport) {
    this.transport = transport;
  }

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    int threads = spec.threads() > 0 ? spec.threads() : Runtime.getRuntime().availableProcessors();
    threads = Math.max(1, Math.min(threads, spec.connections()));
    EventLoopGroup group = transport.group(threads, "meshplay-load");
    try {
      List<Lane> lanes = lanes(spec, group, threads);
      CompletableFuture.allOf(
              lanes.stream().map(Lane::connectAll).toArray(CompletableFuture[]::new))
          .get(spec.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
      Instant wallStart = Instant.now().plusMillis(5);
      long measureStart = start + spec.warmup().toNanos();
      long end = measureStart + spec.duration().toNanos();
      double interval = spec.openLoop() ? 1e9 / spec.qps() : 0;
      for (int i = 0; i < lanes.size(); i++) {
        SlotSchedule slots = new SlotSchedule(start, measureStart, end, interval, i, lanes.size());
        lanes.get(i).start(slots, spec.openLoop(), end);
      }
      Tracker tracker = new Tracker(lanes, start, measureStart, end);
      CompletableFuture<Void> all =
          CompletableFuture.allOf(
              lanes.stream().map(l -> l.done).toArray(CompletableFuture[]::new));
      while (!all.isDone()) {
        try {
          all.get(1, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          progress.onProgress(tracker.progress(System.nanoTime()));
        }
      }
      long finished = System.nanoTime();
      tracker.collect();
      LaneTally.Snapshot total = tracker.tallies();
      Instant measuredStart = wallStart.plusNanos(measureStart - start);
      Instant measuredEnd = wallStart.plusNanos(Math.max(end, finished) - start);
      double seconds = Duration.between(measuredStart, measuredEnd).toNanos() / 1e9;
      ScheduleHealth health =
          spec.openLoop()
              ? ScheduleHealth.judge(
                  total.slots(),
                  total.late(),
                  total.waited(),
                  total.missed(),
                  Duration.ofNanos(total.blockedNanos()),
                  spec.maxLateFraction(),
                  spec.connections(),
                  spec.qps())
              : ScheduleHealth.UNSCHEDULED;
      return new Measurement(
          name(),
          options(spec, threads),
          spec.openLoop() ? LoadModel.OPEN_LOOP : LoadModel.CLOSED_LOOP,
          measuredStart,
          measuredEnd,
          total.measured(),
          total.measured() / seconds,
          Latencies.ofMicros(tracker.responseTime()),
          Optional.of(tracker.responseTime()),
          Optional.of(tracker.serviceTime()),
          total.errors(),
          health,
          tracker.intervals());
    } catch (ExecutionException | TimeoutException e) {
      throw new LoadGeneratorException("the built-in generator failed: " + e.getMessage(), e);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  /** Spreads each endpoint's connections over at most one lane per event loop. */
  private List<Lane> lanes(LoadSpec spec, EventLoopGroup group, int threads)
      throws LoadGeneratorException {
    List<URI> endpoints = spec.endpoints();
    List<Lane> lanes = new ArrayList<>();
    for (int e = 0; e < endpoints.size(); e++) {
      URI uri = endpoints.get(e);
      int conns =
          Math.max(
              1,
              spec.connections() / endpoints.size()
                  + (e < spec.connections() % endpoints.size() ? 1 : 0));
      InetSocketAddress address = new InetSocketAddress(uri.getHost(), RequestBytes.port(uri));
      ByteBuf request = RequestBytes.of(uri, spec);
      SslContext tls = RequestBytes.isTls(uri) ? tls() : null;
      int laneCount = Math.min(threads, conns);
      for (int l = 0; l < laneCount; l++) {
        int share = conns / laneCount + (l < conns % laneCount ? 1 : 0);
        lanes.add(
            new Lane(
                group.next(),
                transport,
                address,
                tls,
                request,
                spec.method().equals("HEAD"),
                share,
                spec));
      }
    }
    return lanes;
  }

  private static SslContext tls() throws LoadGeneratorException {
    try {
      return SslContextBuilder.forClient().build();
    } catch (SSLException e) {
      throw new LoadGeneratorException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private Map<String, String> options(LoadSpec spec, int threads) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("connections", Integer.toString(spec.connections()));
    options.put("qps", spec.openLoop() ? Double.toString(spec.qps()) : "0 (as fast as possible)");
    options.put("threads", Integer.toString(threads));
    options.put("transport", transport.name());
    options.put("timeout", spec.timeout().toString());
    options.put("warmup", spec.warmup().toString());
    return options;
  }
}
