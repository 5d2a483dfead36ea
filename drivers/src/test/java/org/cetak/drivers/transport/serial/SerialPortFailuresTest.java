package org.cetak.drivers.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportDisconnectedException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * What no pseudo-terminal produces on demand, with jSerialComm's {@code SerialPort} mocked: the
 * disconnect event in the middle of a long write, a port that will not open after a replug, and
 * {@code bytesAvailable} turning negative.
 */
class SerialPortFailuresTest {

  private static final String PATH = "/dev/serial/by-id/usb-FTDI_FT232R_A10KXYZ-if00-port0";
  private static final SerialTransport.Config CONFIG =
      new SerialTransport.Config(
          PATH,
          115_200,
          SerialTransport.Parity.NONE,
          8,
          SerialTransport.StopBits.ONE,
          Duration.ofMillis(20),
          Duration.ofSeconds(1));

  /** A read that waits out the port's read timeout with nothing (a semi-blocking read). */
  private static int readTimeout() throws InterruptedException {
    Thread.sleep(CONFIG.readPoll().toMillis());
    return 0;
  }

  /** A port that opens, holds nothing to read, and accepts every write. */
  private static SerialPort idlePort() {
    SerialPort port = mock(SerialPort.class);
    when(port.openPort()).thenReturn(true);
    when(port.bytesAvailable()).thenReturn(0);
    when(port.readBytes(any(byte[].class), anyInt(), anyInt())).thenAnswer(call -> readTimeout());
    when(port.writeBytes(any(byte[].class), anyInt(), anyInt()))
        .thenAnswer(call -> call.getArgument(1));
    return port;
  }

  /** A port that answers {@code reply} + CR once something was written. */
  private static SerialPort answering(String reply) {
    SerialPort port = mock(SerialPort.class);
    byte[] frame = (reply + "\r").getBytes(StandardCharsets.US_ASCII);
    AtomicReference<Boolean> asked = new AtomicReference<>(false);
    when(port.openPort()).thenReturn(true);
    when(port.bytesAvailable()).thenAnswer(call -> asked.get() ? frame.length : 0);
    when(port.writeBytes(any(byte[].class), anyInt(), anyInt()))
        .thenAnswer(
            call -> {
              asked.set(true);
              return call.getArgument(1);
            });
    when(port.readBytes(any(byte[].class), anyInt(), anyInt()))
        .thenAnswer(
            call -> {
              if (!asked.get()) {
                return readTimeout();
              }
              asked.set(false);
              byte[] into = call.getArgument(0);
              int offset = call.getArgument(2);
              System.arraycopy(frame, 0, into, offset, frame.length);
              return frame.length;
            });
    return port;
  }

  private static byte[] request(String text) {
    return ("\u001b" + text + "\r").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void a_disconnect_event_in_the_middle_of_a_panel_write_ends_the_exchange_and_closes_once() {
    SerialPort port = idlePort();
    ArgumentCaptor<SerialPortDataListener> listener =
        ArgumentCaptor.forClass(SerialPortDataListener.class);
    when(port.addDataListener(listener.capture())).thenReturn(true);
    SerialPortEvent unplugged =
        new SerialPortEvent(port, SerialPort.LISTENING_EVENT_PORT_DISCONNECTED);
    int[] chunks = {0};
    when(port.writeBytes(any(byte[].class), anyInt(), anyInt()))
        .thenAnswer(
            call -> {
              if (++chunks[0] == 1) {
                // half the panel went out, then the adapter was pulled: jSerialComm tells the
                // listener again and again until the port is closed
                listener.getValue().serialEvent(unplugged);
                listener.getValue().serialEvent(unplugged);
                return (int) call.getArgument(1) / 2;
              }
              return -1;
            });

    Transport transport = SerialTransport.open(CONFIG, path -> port);

    try (transport) {
      assertThatThrownBy(() -> transport.transceive(new byte[82_296], Duration.ofSeconds(1)))
          .isInstanceOf(TransportDisconnectedException.class)
          .hasStackTraceContaining("after 41148 of 82296 bytes");
      verify(port, times(1)).closePort();
    }
  }

  @Test
  void a_port_that_will_not_open_after_a_replug_is_disconnected_until_it_opens() {
    SerialPort first = idlePort();
    when(first.bytesAvailable()).thenReturn(-1); // unplugged
    SerialPort replugged = mock(SerialPort.class);
    when(replugged.openPort()).thenReturn(false);
    when(replugged.getLastErrorCode()).thenReturn(13); // EACCES: udev has not set the group yet
    SerialPort working = answering("OK");
    Deque<SerialPort> ports = new ArrayDeque<>(java.util.List.of(first, replugged, working));
    Transport transport = SerialTransport.open(CONFIG, path -> ports.poll());

    try (transport) {
      // the unplugged port fails its exchange (or is found broken before it), the replugged one
      // will not open, the third one answers: every exchange until then is a disconnection
      java.util.List<RuntimeException> failures = new java.util.ArrayList<>();
      byte[] reply = null;
      for (int i = 0; i < 3 && reply == null; i++) {
        try {
          reply = transport.transceive(request("Rok"), Duration.ofSeconds(1));
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
      assertThat(reply).isEqualTo("OK".getBytes(StandardCharsets.US_ASCII));
      assertThat(failures).allMatch(e -> e instanceof TransportDisconnectedException);
      assertThat(failures).anyMatch(e -> e.getMessage().contains("cannot open port (error 13)"));
    }
  }

  @Test
  void bytes_available_turning_negative_ends_the_link_and_the_next_exchange_opens_the_port_again() {
    SerialPort port = idlePort();
    when(port.bytesAvailable()).thenReturn(0, 0, -1);
    Deque<SerialPort> ports = new ArrayDeque<>(java.util.List.of(port, answering("OK")));
    Transport transport = SerialTransport.open(CONFIG, path -> ports.poll());

    try (transport) {
      assertThatThrownBy(() -> transport.transceive(request("Rok"), Duration.ofSeconds(2)))
          .isInstanceOf(TransportDisconnectedException.class)
          .hasMessageContaining("bytes available -1");
      assertThat(transport.transceive(request("Rok"), Duration.ofSeconds(1)))
          .isEqualTo("OK".getBytes(StandardCharsets.US_ASCII));
      verify(port, times(1)).closePort();
    }
  }
}
