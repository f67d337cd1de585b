package io.stancestream.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An embedded broker that can be stopped and started again at the <em>same address</em> with the
 * same data, like a real broker restarting: for broker-fault tests. Clients given {@link
 * #bootstrapServers()} once keep working across restarts.
 *
 * <p>Kafka's test kit binds its client listener to a fresh random port on every start and offers no
 * way to pick it, so this class owns a fixed port, forwards its connections to whichever broker is
 * running, and makes the broker advertise the fixed port ({@code advertised.listeners}) so clients
 * never learn the changing one. While the broker is stopped, connections are refused and open ones
 * are cut, as they are when a real broker goes down.
 */
public final class RestartableKafka implements AutoCloseable {

  private final Path dataDir;
  private final Map<String, String> brokerProperties;
  private final ServerSocket listener;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile EmbeddedKafka broker;
  private volatile int target = -1;
  private volatile boolean closed;

  /**
   * Reserves the address; nothing runs until {@link #start()}.
   *
   * @param dataDir the broker's data, kept across restarts (deleted by nobody: pass a temp dir)
   * @param brokerProperties extra broker settings
   */
  public RestartableKafka(Path dataDir, Map<String, String> brokerProperties) throws IOException {
    this.dataDir = dataDir;
    this.brokerProperties = new LinkedHashMap<>(brokerProperties);
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "restartable-kafka-forwarder");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** The address that stays the same across restarts. */
  public String bootstrapServers() {
    return "localhost:" + listener.getLocalPort();
  }

  /** Starts the broker on the data dir (formatting it the first time) and waits until ready. */
  public synchronized RestartableKafka start() {
    if (broker != null) {
      throw new IllegalStateException("the broker is already running");
    }
    Map<String, String> props = new LinkedHashMap<>(brokerProperties);
    props.put("advertised.listeners", "EXTERNAL://" + bootstrapServers());
    EmbeddedKafka started = EmbeddedKafka.start(dataDir, props);
    String real = started.bootstrapServers();
    target = Integer.parseInt(real.substring(real.lastIndexOf(':') + 1));
    broker = started;
    return this;
  }

  /** Stops the broker (controlled shutdown) and cuts every client connection; data stays. */
  public synchronized void stop() {
    EmbeddedKafka running = broker;
    broker = null;
    target = -1;
    if (running != null) {
      running.close();
    }
    open.forEach(RestartableKafka::closeQuietly);
    open.clear();
  }

  public boolean running() {
    return broker != null;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      int port = target;
      if (port < 0) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // the other side closed, or stop() cut the connection
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "restartable-kafka-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** Stops the broker and releases the address. */
  @Override
  public void close() {
    closed = true;
    stop();
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
