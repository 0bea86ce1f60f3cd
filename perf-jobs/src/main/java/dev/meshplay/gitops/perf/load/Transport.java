package dev.meshplay.gitops.perf.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Netty's native epoll transport where it loads (fewer syscalls, sub-millisecond timers for the
 * open-loop schedule), NIO elsewhere.
 */
public record Transport(
    IoHandlerFactory ioHandlers,
    Class<? extends SocketChannel> channel,
    Class<? extends ServerChannel> serverChannel,
    String name) {

  /** The best transport of this machine. */
  public static Transport best() {
    if (Epoll.isAvailable()) {
      return new Transport(
          EpollIoHandler.newFactory(),
          EpollSocketChannel.class,
          EpollServerSocketChannel.class,
          "epoll");
    }
    return new Transport(
        NioIoHandler.newFactory(), NioSocketChannel.class, NioServerSocketChannel.class, "nio");
  }

  /** An event loop group of daemon threads named {@code prefix-N}. */
  public EventLoopGroup group(int threads, String prefix) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(prefix, true), ioHandlers);
  }
}
