package dev.meshplay.gitops.perf.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Connections to one endpoint on one event loop, with their share of the schedule and their own
 * recorders. Everything here runs on {@link #loop}, so nothing is locked; the reporter reads the
 * recorders (made for that) and takes tallies by submitting to the loop.
 */
final class Lane {

  /** Microseconds up to an hour, 3 significant digits. */
  static SingleWriterRecorder recorder() {
    return new SingleWriterRecorder(1, 3_600_000_000L, 3);
  }

  private static final long RECONNECT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  final EventLoop loop;
  final SingleWriterRecorder responseTime = recorder();
  final SingleWriterRecorder serviceTime = recorder();
  final LaneTally tally = new LaneTally();
  final CompletableFuture<Void> done = new CompletableFuture<>();
  private final Bootstrap bootstrap;
  private final ByteBuf request;
  private final Connection[] connections;
  private final ArrayDeque<Connection> free = new ArrayDeque<>();
  private final long timeoutNanos;
  private final long toleranceNanos;
  private SlotSchedule schedule;
  private boolean open;
  private long nextSlot;
  private boolean starved;
  private boolean stopping;
  private long wakeAt = Long.MAX_VALUE;
  private ScheduledFuture<?> wakeup;
  private ScheduledFuture<?> sweeper;

  Lane(
      EventLoop loop,
      Transport transport,
      InetSocketAddress address,
      SslContext tls,
      ByteBuf request,
      boolean head,
      int connectionCount,
      LoadSpec spec) {
    this.loop = loop;
    this.request = request;
    this.timeoutNanos = spec.timeout().toNanos();
    this.toleranceNanos = spec.lateTolerance().toNanos();
    this.connections = new Connection[connectionCount];
    for (int i = 0; i < connectionCount; i++) {
      connections[i] = new Connection(this);
    }
    this.bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(transport.channel())
            .remoteAddress(address)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(timeoutNanos / 1_000_000, 60_000));
    this.pipeline =
        (ch, conn) -> {
          if (tls != null) {
            ch.pipeline()
                .addLast(tls.newHandler(ch.alloc(), address.getHostString(), address.getPort()));
          }
          ch.pipeline().addLast(head ? new HeadResponseDecoder() : new HttpResponseDecoder(), conn);
        };
  }

  private final PipelineSetup pipeline;

  private interface PipelineSetup {
    void setUp(SocketChannel channel, Connection connection);
  }

  /** HEAD answers carry a Content-Length but no body. */
  private static final class HeadResponseDecoder extends HttpResponseDecoder {
    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
      return true;
    }
  }

  /** Opens every connection before the clock starts, so setup is not measured; failures wait. */
  CompletableFuture<Void> connectAll() {
    CompletableFuture<?>[] all = new CompletableFuture<?>[connections.length];
    for (int i = 0; i < connections.length; i++) {
      Connection conn = connections[i];
      CompletableFuture<Void> one = new CompletableFuture<>();
      open(conn).addListener(f -> one.complete(null));
      all[i] = one;
    }
    return CompletableFuture.allOf(all);
  }

  private ChannelFuture open(Connection conn) {
    ChannelFuture future =
        bootstrap
            .clone()
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    pipeline.setUp(ch, conn);
                  }
                })
            .connect();
    conn.channel = future.channel();
    return future;
  }

  /** Starts sending: on the schedule in open loop, back to back otherwise. */
  void start(SlotSchedule slots, boolean openLoop, long end) {
    loop.execute(
        () -> {
          this.schedule = slots;
          this.open = openLoop;
          long sweep = Math.max(1_000_000, Math.min(timeoutNanos / 4, 50_000_000));
          sweeper = loop.scheduleAtFixedRate(this::sweep, sweep, sweep, TimeUnit.NANOSECONDS);
          loop.schedule(this::stop, end - System.nanoTime(), TimeUnit.NANOSECONDS);
          for (Connection conn : connections) {
            if (open) {
              free.add(conn);
            } else {
              long now = System.nanoTime();
              send(conn, now, now);
            }
          }
          if (open) {
            pump();
          }
        });
  }

  /** Sends every due slot that has a free connection, then sleeps until the next one is due. */
  private void pump() {
    long now = System.nanoTime();
    while (!stopping) {
      long due = schedule.due(nextSlot);
      if (due >= schedule.end()) {
        return;
      }
      if (due > now) {
        starved = false;
        wakeAt(due);
        return;
      }
      Connection conn = free.poll();
      if (conn == null) {
        starved = true;
        return;
      }
      nextSlot++;
      countSlot(due, now);
      send(conn, due, now);
    }
  }

  private void countSlot(long due, long now) {
    if (due < schedule.measureStart()) {
      return;
    }
    tally.sentSlots++;
    long lateness = now - due;
    if (lateness > toleranceNanos) {
      tally.lateSlots++;
      tally.blockedNanos += Math.min(lateness, schedule.laneGap());
      if (starved) {
        tally.waitedSlots++;
      }
    }
  }

  private void wakeAt(long due) {
    if (wakeup != null && wakeAt <= due) {
      return;
    }
    if (wakeup != null) {
      wakeup.cancel(false);
    }
    wakeAt = due;
    wakeup =
        loop.schedule(
            () -> {
              wakeup = null;
              wakeAt = Long.MAX_VALUE;
              pump();
            },
            due - System.nanoTime(),
            TimeUnit.NANOSECONDS);
  }

  private void send(Connection conn, long intended, long now) {
    conn.busy = true;
    conn.intended = intended;
    conn.sent = now;
    conn.status = 0;
    conn.measured = intended >= schedule.measureStart();
    if (conn.connected()) {
      conn.channel.writeAndFlush(request.duplicate(), conn.channel.voidPromise());
      return;
    }
    open(conn)
        .addListener(
            (ChannelFuture f) -> {
              if (f.isSuccess() && conn.busy && conn.channel == f.channel()) {
                conn.sent = System.nanoTime();
                f.channel().writeAndFlush(request.duplicate(), f.channel().voidPromise());
              } else if (!f.isSuccess() && conn.busy && conn.channel == f.channel()) {
                failed(conn, Failure.CONNECT);
              }
            });
  }

  void completed(Connection conn, int status) {
    long now = System.nanoTime();
    tally.completed++;
    if (conn.measured) {
      tally.measured++;
      responseTime.recordValue(Math.max(1, (now - conn.intended) / 1000));
      serviceTime.recordValue(Math.max(1, (now - conn.sent) / 1000));
      if (status >= 400) {
        tally.status[Math.min(status, tally.status.length - 1)]++;
      }
    }
    release(conn, now, false);
  }

  /**
   * A channel closed: an error if a request was in flight on it, else the connection idles down.
   */
  void closed(Connection conn, Channel channel) {
    if (conn.channel == channel && conn.busy) {
      failed(conn, Failure.IO);
    }
  }

  private enum Failure {
    CONNECT,
    TIMEOUT,
    IO
  }

  private void failed(Connection conn, Failure failure) {
    Channel old = conn.channel;
    conn.channel = null;
    if (old != null) {
      old.close();
    }
    tally.completed++;
    if (conn.measured) {
      tally.measured++;
      switch (failure) {
        case CONNECT -> tally.connect++;
        case TIMEOUT -> tally.timeout++;
        case IO -> tally.io++;
      }
    }
    release(conn, System.nanoTime(), failure == Failure.CONNECT && !open);
  }

  private void release(Connection conn, long now, boolean pause) {
    conn.busy = false;
    if (stopping) {
      finishIfIdle();
    } else if (open) {
      free.add(conn);
      pump();
    } else if (pause) {
      // A refused connect fails at once: pausing keeps a closed loop from spinning on it.
      loop.schedule(() -> resendIfRunning(conn), RECONNECT_PAUSE_NANOS, TimeUnit.NANOSECONDS);
    } else {
      send(conn, now, now);
    }
  }

  private void resendIfRunning(Connection conn) {
    if (stopping) {
      finishIfIdle();
    } else {
      long now = System.nanoTime();
      send(conn, now, now);
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Connection conn : connections) {
      if (conn.busy && now - conn.sent > timeoutNanos) {
        failed(conn, Failure.TIMEOUT);
      }
    }
  }

  private void stop() {
    stopping = true;
    if (wakeup != null) {
      wakeup.cancel(false);
    }
    if (open) {
      tally.missedSlots = schedule.unsentFrom(nextSlot);
    }
    finishIfIdle();
  }

  private void finishIfIdle() {
    for (Connection conn : connections) {
      if (conn.busy) {
        return;
      }
    }
    sweeper.cancel(false);
    for (Connection conn : connections) {
      if (conn.channel != null) {
        conn.channel.close();
      }
    }
    done.complete(null);
  }
}
