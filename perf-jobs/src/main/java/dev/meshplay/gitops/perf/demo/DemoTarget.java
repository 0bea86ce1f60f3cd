package dev.meshplay.gitops.perf.demo;

import dev.meshplay.gitops.perf.load.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server for the demo and the tests: it answers every path with 200 and {@code ok}
 * after a configurable latency, {@code /status/NNN} with that status, and {@code /close} by closing
 * the connection. It can stall: every {@code stallEvery} it holds all answers for {@code stallFor}
 * (the last part of each period), like a server in a GC pause.
 */
public final class DemoTarget implements AutoCloseable {

  /**
   * How the target behaves.
   *
   * @param host the address to bind; loopback unless the demo is reached from elsewhere
   * @param port the port, or 0 for any free one
   * @param stallEvery the stall period; zero for no stalls
   */
  public record Settings(
      String host, int port, Duration latency, Duration stallEvery, Duration stallFor) {

    /** Loopback, any free port, no latency, no stalls. */
    public static Settings loopback() {
      return new Settings("127.0.0.1", 0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    public Settings withPort(int newPort) {
      return new Settings(host, newPort, latency, stallEvery, stallFor);
    }

    public Settings withLatency(Duration newLatency) {
      return new Settings(host, port, newLatency, stallEvery, stallFor);
    }

    public Settings withStalls(Duration every, Duration length) {
      return new Settings(host, port, latency, every, length);
    }
  }

  private final EventLoopGroup group;
  private final Channel server;
  private final DemoHandler.Behaviour behaviour;

  private DemoTarget(EventLoopGroup group, Channel server, DemoHandler.Behaviour behaviour) {
    this.group = group;
    this.server = server;
    this.behaviour = behaviour;
  }

  /** Binds and starts serving; {@link #close} stops it. */
  public static DemoTarget start(Settings settings) throws InterruptedException {
    Transport transport = Transport.best();
    EventLoopGroup group = transport.group(1, "meshplay-demo-target");
    DemoHandler.Behaviour behaviour =
        new DemoHandler.Behaviour(settings, System.nanoTime(), new AtomicLong());
    try {
      Channel server =
          new ServerBootstrap()
              .group(group)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(1 << 20))
                          .addLast(new DemoHandler(behaviour));
                    }
                  })
              .bind(settings.host(), settings.port())
              .sync()
              .channel();
      return new DemoTarget(group, server, behaviour);
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** The URL of a path on this target, e.g. {@code uri("/healthz")}. */
  public URI uri(String path) {
    return URI.create("http://" + behaviour.settings().host() + ":" + port() + path);
  }

  /** Requests answered (or held) so far. */
  public long requests() {
    return behaviour.requests().get();
  }

  /** Changes the latency from now on, e.g. after the example repository changed it. */
  public void setLatency(Duration latency) {
    behaviour.latency(latency);
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
