package org.cetak.drivers.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory transport against a scripted device at the other end of two pipes. */
class StreamTransportTest {

  private final InputStream deviceIn;
  private final OutputStream deviceOut;
  private final Socket device;
  private final StreamTransport transport;

  /** Two connected stream pairs (a loopback socket: java.io pipes are bound to threads). */
  StreamTransportTest() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Socket host = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
      device = server.accept();
      transport = StreamTransport.over("mem", host.getInputStream(), host.getOutputStream(), host);
    }
    deviceIn = device.getInputStream();
    deviceOut = device.getOutputStream();
  }

  @AfterEach
  void close() throws IOException {
    transport.close();
    device.close();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private void deviceSays(String bytes) throws IOException {
    deviceOut.write(ascii(bytes));
    deviceOut.flush();
  }

  private String deviceReads(int n) throws IOException {
    return new String(deviceIn.readNBytes(n), StandardCharsets.US_ASCII);
  }

  @Test
  void reply_ends_at_cr_or_nul_and_empty_frames_are_skipped() throws Exception {
    CompletableFuture<byte[]> first =
        CompletableFuture.supplyAsync(
            () -> transport.transceive(ascii("\u001bRst\r"), Duration.ofSeconds(2)));
    assertThat(deviceReads(5)).isEqualTo("\u001bRst\r");
    deviceSays("OK\r\0");
    assertThat(first.get(2, TimeUnit.SECONDS)).isEqualTo(ascii("OK"));

    CompletableFuture<byte[]> second =
        CompletableFuture.supplyAsync(
            () -> transport.transceive(ascii("\u001bRtp\r"), Duration.ofSeconds(2)));
    deviceReads(5);
    deviceSays("Primacy\0");
    assertThat(second.get(2, TimeUnit.SECONDS)).isEqualTo(ascii("Primacy"));
  }

  @Test
  void no_reply_in_time_is_a_timeout_and_the_late_reply_is_not_given_to_the_next_request()
      throws Exception {
    assertThatThrownBy(() -> transport.transceive(ascii("\u001bSe\r"), Duration.ofMillis(50)))
        .isInstanceOf(TransportTimeoutException.class)
        .hasMessageContaining("\\eSe\\r");
    deviceSays("OK\r"); // late answer to Se
    await("the late reply arrived")
        .atMost(Duration.ofSeconds(5))
        .until(() -> transport.unclaimedReplies() == 1);

    CompletableFuture<byte[]> status =
        CompletableFuture.supplyAsync(
            () -> transport.transceive(ascii("\u001bRst\r"), Duration.ofSeconds(2)));
    deviceReads(4 + 5); // Se and Rst reached the device
    deviceSays("OK;POS=NONE\r");

    assertThat(status.get(2, TimeUnit.SECONDS)).isEqualTo(ascii("OK;POS=NONE"));
  }

  @Test
  void close_releases_a_waiting_exchange() throws Exception {
    CompletableFuture<Throwable> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                transport.transceive(ascii("\u001bSic\r"), Duration.ofSeconds(30));
                return null;
              } catch (TransportException e) {
                return e;
              }
            });
    deviceReads(5);

    transport.close();

    assertThat(waiting.get(2, TimeUnit.SECONDS)).isInstanceOf(TransportClosedException.class);
    assertThatThrownBy(() -> transport.transceive(ascii("\u001bRst\r"), Duration.ofSeconds(1)))
        .isInstanceOf(TransportClosedException.class);
  }

  @Test
  void device_hanging_up_is_a_disconnection() throws Exception {
    device.close();

    assertThatThrownBy(() -> transport.transceive(ascii("\u001bRst\r"), Duration.ofSeconds(2)))
        .isInstanceOf(TransportDisconnectedException.class);
  }

  @Test
  void endless_reply_without_terminator_is_refused() throws Exception {
    CompletableFuture<Throwable> model =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                transport.transceive(ascii("\u001bRtp\r"), Duration.ofSeconds(2));
                return null;
              } catch (TransportException e) {
                return e;
              }
            });
    deviceReads(5);
    deviceSays("A".repeat(StreamTransport.MAX_REPLY + 10));

    assertThat(model.get(3, TimeUnit.SECONDS)).isInstanceOf(ReplyTooLongException.class);
  }
}
