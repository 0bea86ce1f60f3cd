package dev.meshplay.gitops.perf.demo;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Answers one request of the {@link DemoTarget} after its latency and any stall. */
final class DemoHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final ByteBuf OK =
      Unpooled.unreleasableBuffer(
          Unpooled.directBuffer()
              .writeBytes("ok\n".getBytes(StandardCharsets.US_ASCII))
              .asReadOnly());

  /** Settings shared by every connection; the latency can change while serving. */
  static final class Behaviour {
    private final DemoTarget.Settings settings;
    private final long startNanos;
    private final AtomicLong requests;
    private volatile long latencyNanos;

    Behaviour(DemoTarget.Settings settings, long startNanos, AtomicLong requests) {
      this.settings = settings;
      this.startNanos = startNanos;
      this.requests = requests;
      this.latencyNanos = settings.latency().toNanos();
    }

    DemoTarget.Settings settings() {
      return settings;
    }

    AtomicLong requests() {
      return requests;
    }

    void latency(Duration latency) {
      latencyNanos = latency.toNanos();
    }

    /** Nanoseconds to hold an answer that arrives now: the latency, or the rest of a stall. */
    long delay(long now) {
      long every = settings.stallEvery().toNanos();
      long length = settings.stallFor().toNanos();
      long stall = 0;
      if (every > 0 && length > 0) {
        long into = (now - startNanos) % every;
        stall = into >= every - length ? every - into : 0;
      }
      return stall + latencyNanos;
    }
  }

  private final Behaviour behaviour;

  DemoHandler(Behaviour behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    behaviour.requests.incrementAndGet();
    String path = request.uri();
    if (path.startsWith("/close")) {
      ctx.close();
      return;
    }
    HttpResponseStatus status = HttpResponseStatus.OK;
    if (path.startsWith("/status/")) {
      status = HttpResponseStatus.valueOf(Integer.parseInt(path.substring(8, 11)));
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, OK.duplicate());
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, OK.readableBytes());
    long delay = behaviour.delay(System.nanoTime());
    if (delay <= 0) {
      ctx.writeAndFlush(response);
    } else {
      ctx.executor().schedule(() -> ctx.writeAndFlush(response), delay, TimeUnit.NANOSECONDS);
    }
  }
}
