package io.arcanum.enclave.api.process;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One socket between the host and the enclave process, carrying any number of concurrent
 * <em>conversations</em>. A conversation is one call stack: the host's ECALL, the OCALLs the
 * enclave makes while serving it, the ECALLs the host makes while serving those, and so on. Every
 * call frame names its conversation; a reader thread routes each incoming frame to the thread that
 * owns the conversation, and a thread waiting for its reply serves any request that arrives in its
 * conversation first (that request is necessarily nested inside its own call). So re-entrancy works
 * on both sides, on the same threads, and locks the enclave holds stay valid for nested calls.
 *
 * <p>Only the host starts conversations (a new one per outermost ECALL of a host thread); the
 * enclave process serves each on a thread of its own, so host threads call concurrently. OCALLs are
 * possible only on the thread serving an ECALL.
 */
final class Channel {
  enum Role {
    HOST,
    ENCLAVE
  }

  /** Builds the enclave process's served object when the host asks it to open. */
  interface Opener {
    Object open() throws Exception;
  }

  /** The channel is closed; calls fail with this reason. */
  static final class Closed extends Exception {
    private static final long serialVersionUID = 1L;

    Closed(String reason) {
      super(reason, null, false, false);
    }
  }

  private record Frame(int kind, long conversation, WireInput body) {}

  private record Conversation(long id, BlockingQueue<Frame> mailbox) {}

  private static final Frame DEAD = new Frame(0, 0, null);
  private static final int MAX_CONVERSATIONS = 256;

  private final SocketChannel socket;
  private final Role role;
  private final MethodTable called;
  private final Duration callTimeout;
  private final int maxPayload;
  private final String peer;
  private final Object writeLock = new Object();
  private final Map<Long, Conversation> conversations = new ConcurrentHashMap<>();
  private final ThreadLocal<Conversation> current = new ThreadLocal<>();
  private final AtomicLong nextConversation = new AtomicLong(1);
  private final AtomicReference<String> closed = new AtomicReference<>();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final ExecutorService workers;
  private final Dispatcher dispatcher;
  private volatile UnaryOperator<String> explainLoss = UnaryOperator.identity();
  private volatile Consumer<String> onClose = reason -> {};

  /**
   * @param callTimeout how long a caller waits for the next frame of its conversation before the
   *     peer counts as hung and the channel is closed; {@code null} waits as long as it is
   *     connected
   * @param peer who is at the other end, for messages ("the enclave process", "the host")
   */
  Channel(
      SocketChannel socket,
      Role role,
      MethodTable served,
      MethodTable called,
      Duration callTimeout,
      int maxPayload,
      String peer) {
    this(socket, role, served, called, callTimeout, maxPayload, peer, null);
  }

  /**
   * @param workerThreads makes the enclave side's threads that serve calls (e.g. with the large
   *     stack contract code needs, so it can run on them directly); {@code null} for plain threads
   */
  Channel(
      SocketChannel socket,
      Role role,
      MethodTable served,
      MethodTable called,
      Duration callTimeout,
      int maxPayload,
      String peer,
      java.util.concurrent.ThreadFactory workerThreads) {
    this.socket = socket;
    this.role = role;
    this.dispatcher = new Dispatcher(served, role == Role.ENCLAVE);
    this.called = called;
    this.callTimeout = callTimeout;
    this.maxPayload = maxPayload;
    this.peer = peer;
    this.workers =
        role == Role.ENCLAVE
            ? Executors.newCachedThreadPool(
                workerThreads != null
                    ? workerThreads
                    : task -> {
                      Thread thread = new Thread(task, "enclave-call");
                      thread.setDaemon(true);
                      return thread;
                    })
            : null;
  }

  /** The object whose methods this side serves (the host's; in the enclave, set by open). */
  Channel serving(Object object) {
    dispatcher.serve(object);
    return this;
  }

  Channel opener(Opener value) {
    dispatcher.opener(value);
    return this;
  }

  /** Called once with the reason when the channel closes, for whatever cause. */
  Channel onClose(Consumer<String> listener) {
    this.onClose = listener;
    return this;
  }

  /** Adds what is known about a lost peer (e.g. its exit code) to the reason. */
  Channel explainLoss(UnaryOperator<String> explanation) {
    this.explainLoss = explanation;
    return this;
  }

  Channel start() {
    Thread reader = new Thread(this::readLoop, "enclave-channel-reader");
    reader.setDaemon(true);
    reader.start();
    return this;
  }

  MethodTable called() {
    return called;
  }

  String peer() {
    return peer;
  }

  boolean isOpen() {
    return closed.get() == null;
  }

  String closeReason() {
    return closed.get();
  }

  Object target() {
    return dispatcher.target();
  }

  void awaitClosed() throws InterruptedException {
    closedLatch.await();
  }

  /** Closes the socket; every waiting caller fails with {@code reason}. Idempotent. */
  void close(String reason) {
    if (!closed.compareAndSet(null, reason)) {
      return;
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that is left to do
    }
    for (Conversation conversation : conversations.values()) {
      conversation.mailbox().add(DEAD);
    }
    if (workers != null) {
      workers.shutdown();
    }
    closedLatch.countDown();
    onClose.accept(reason);
  }

  /** Host only: asks the enclave process to open, serving its OCALLs meanwhile. */
  void open(Duration timeout) throws Throwable {
    invoke(Frames.OPEN, null, null, Shape.Void.VOID, "opening", null, timeout);
  }

  /** Calls {@code entry} on the peer's object; {@code invoked} decides the exceptions thrown. */
  Object call(MethodTable.Entry entry, Object[] arguments, Method invoked) throws Throwable {
    return invoke(Frames.CALL, entry, arguments, entry.result(), entry.id(), invoked, callTimeout);
  }

  private Object invoke(
      int kind,
      MethodTable.Entry entry,
      Object[] arguments,
      Shape result,
      String what,
      Method invoked,
      Duration timeout)
      throws Throwable {
    String reason = closed.get();
    if (reason != null) {
      throw RemoteFailure.unavailable(reason).toThrowable(invoked, peer);
    }
    Conversation conversation = current.get();
    boolean outermost = conversation == null;
    if (outermost) {
      if (role == Role.ENCLAVE) {
        throw new IllegalStateException(
            "the enclave can call the host only on a thread that serves a call from the host");
      }
      conversation =
          new Conversation(nextConversation.getAndIncrement(), new LinkedBlockingQueue<>());
      conversations.put(conversation.id(), conversation);
      current.set(conversation);
    }
    try {
      WireOutput out = new WireOutput();
      out.writeByte(kind);
      out.writeVarUnsigned(conversation.id());
      if (entry != null) {
        out.writeVarUnsigned(entry.index());
        for (int i = 0; i < entry.parameters().size(); i++) {
          WireCodec.encode(entry.parameters().get(i), arguments[i], out);
        }
      }
      send(out.frame());
      return awaitReply(conversation, result, what, invoked, timeout);
    } catch (WireFormatException e) {
      String violation = "protocol violation by " + peer + ": " + e.getMessage();
      close(violation);
      throw RemoteFailure.unavailable(violation).toThrowable(invoked, peer);
    } catch (Closed e) {
      throw RemoteFailure.unavailable(e.getMessage()).toThrowable(invoked, peer);
    } finally {
      if (outermost) {
        conversations.remove(conversation.id());
        current.remove();
      }
    }
  }

  /** Waits for the reply, serving the peer's nested calls in this conversation meanwhile. */
  private Object awaitReply(
      Conversation conversation, Shape result, String what, Method invoked, Duration timeout)
      throws Throwable {
    while (true) {
      Frame frame = next(conversation, what, timeout);
      switch (frame.kind()) {
        case Frames.CALL -> send(serve(frame));
        case Frames.RETURN -> {
          Object value = result.read(frame.body(), 0);
          frame.body().expectEnd();
          return value;
        }
        case Frames.FAILURE -> throw RemoteFailure.read(frame.body()).toThrowable(invoked, peer);
        default -> throw new WireFormatException("frame kind " + frame.kind() + " inside a call");
      }
    }
  }

  /**
   * The conversation's next frame. Waiting is not interruptible: a conversation abandoned halfway
   * would leave the peer's call stack inconsistent; the call timeout bounds the wait instead.
   */
  private Frame next(Conversation conversation, String what, Duration timeout) throws Closed {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          Frame frame =
              timeout == null
                  ? conversation.mailbox().take()
                  : conversation.mailbox().poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
          if (frame == null) {
            String reason = peer + " did not answer within " + timeout + " (" + what + ")";
            close(reason);
            throw new Closed(reason);
          }
          if (frame == DEAD) {
            throw new Closed(closed.get());
          }
          return frame;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Serves one request; the answer frame, or a violation if the request is malformed. */
  private byte[] serve(Frame request) throws WireFormatException {
    return dispatcher.answer(request.kind(), request.conversation(), request.body());
  }

  private void send(byte[] frame) throws Closed {
    synchronized (writeLock) {
      try {
        Frames.write(socket, frame);
      } catch (IOException e) {
        String reason = closed.get();
        if (reason == null) {
          close(explainLoss.apply("cannot write to " + peer + ": " + e.getMessage()));
          reason = closed.get();
        }
        throw new Closed(reason);
      }
    }
  }

  private void readLoop() {
    String reason;
    try {
      while (true) {
        byte[] payload = Frames.read(socket, maxPayload);
        if (payload == null) {
          reason = explainLoss.apply(peer + " closed the connection");
          break;
        }
        route(payload);
      }
    } catch (WireFormatException e) {
      reason = "protocol violation by " + peer + ": " + e.getMessage();
    } catch (IOException e) {
      if (closed.get() != null) {
        return; // closed on purpose; nothing to explain
      }
      reason = explainLoss.apply("the connection to " + peer + " failed: " + e.getMessage());
    } catch (RuntimeException e) {
      reason = "the connection to " + peer + " failed: " + e;
    }
    String already = closed.get();
    close(already != null ? already : reason);
  }

  private void route(byte[] payload) throws WireFormatException {
    WireInput in = new WireInput(payload);
    int kind = in.readByte();
    if (kind < Frames.CALL || kind > Frames.OPEN) {
      throw new WireFormatException("unknown frame kind " + kind);
    }
    Frame frame = new Frame(kind, in.readVarUnsigned(), in);
    Conversation conversation = conversations.get(frame.conversation());
    if (conversation != null) {
      conversation.mailbox().add(frame);
      return;
    }
    if (role == Role.HOST) {
      throw new WireFormatException("a frame for conversation " + frame.conversation() + " ended");
    }
    if (kind != Frames.CALL && kind != Frames.OPEN) {
      throw new WireFormatException("a reply in conversation " + frame.conversation() + " unknown");
    }
    if (conversations.size() >= MAX_CONVERSATIONS) {
      try {
        send(
            Dispatcher.failure(
                frame.conversation(), new IllegalStateException("too many concurrent calls")));
      } catch (Closed ignored) {
        // the reader ends with the channel
      }
      return;
    }
    Conversation started = new Conversation(frame.conversation(), new LinkedBlockingQueue<>());
    conversations.put(started.id(), started);
    started.mailbox().add(frame);
    try {
      workers.execute(() -> serveConversation(started));
    } catch (RejectedExecutionException closing) {
      conversations.remove(started.id()); // the channel closed meanwhile
    }
  }

  /** Enclave side: one worker serves one conversation from its first request to its reply. */
  private void serveConversation(Conversation conversation) {
    current.set(conversation);
    try {
      Frame request = next(conversation, "a new call", null);
      byte[] reply = serve(request);
      conversations.remove(conversation.id());
      send(reply);
    } catch (WireFormatException e) {
      close("protocol violation by " + peer + ": " + e.getMessage());
    } catch (Closed e) {
      // nothing to answer on a closed channel
    } finally {
      conversations.remove(conversation.id());
      current.remove();
    }
  }
}
