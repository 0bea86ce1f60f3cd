package dev.meshplay.gitops.perf.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection of a lane and the handler at the end of its pipeline. It is added to a
 * new pipeline after each reconnect, hence sharable; all its state is touched only on the lane's
 * event loop.
 */
@ChannelHandler.Sharable
final class Connection extends ChannelInboundHandlerAdapter {

  private final Lane lane;
  Channel channel;
  boolean busy;
  boolean measured;
  long intended;
  long sent;
  int status;

  Connection(Lane lane) {
    this.lane = lane;
  }

  boolean connected() {
    return channel != null && channel.isActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
        ctx.close();
        return;
      }
      if (msg instanceof HttpResponse response) {
        status = response.status().code();
      }
      if (msg instanceof LastHttpContent && busy && status >= 200) {
        lane.completed(this, status);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    lane.closed(this, ctx.channel());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
