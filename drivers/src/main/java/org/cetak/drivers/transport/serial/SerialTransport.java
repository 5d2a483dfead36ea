package org.cetak.drivers.transport.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cetak.drivers.transport.ReopeningTransport;
import org.cetak.drivers.transport.StreamTransport;
import org.cetak.drivers.transport.Transport;
import org.cetak.drivers.transport.TransportDisconnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial adapter (jSerialComm): a printer on a serial port or USB-serial adapter, opened by
 * path ({@code /dev/ttyUSB0}, or a pseudo-terminal link made by socat).
 *
 * <p>Unplugging: jSerialComm's {@code isOpen()} stays true after the device is gone, and its
 * port-disconnected event fires again and again until the port is closed. So the listener does
 * exactly one thing, a guarded {@code closePort()} (never {@code isOpen()}, which can deadlock
 * against a closing thread); the reading thread then fails and the waiting exchange throws {@link
 * TransportDisconnectedException}. The next exchange takes a fresh {@code getCommPort(path)} (the
 * path may now lead to a new device) and opens it, or throws the same exception while the device is
 * still absent. A stable name such as {@code /dev/serial/by-id/usb-…} therefore finds an adapter
 * plugged back under another {@code /dev/ttyUSB*} name, without a restart.
 *
 * <p>The streams are this adapter's own over {@code bytesAvailable}, {@code readBytes} and {@code
 * writeBytes} ({@link PortStreams}), so that each of jSerialComm's signs of a vanished device ends
 * the link.
 */
public final class SerialTransport {

  /** Line settings from configuration. */
  public record Config(
      String path,
      int baudRate,
      Parity parity,
      int dataBits,
      StopBits stopBits,
      Duration readPoll,
      Duration writeTimeout) {

    /** 115200 8N1, the usual settings of card printers' serial ports. */
    public static Config standard(String path) {
      return new Config(
          path,
          115_200,
          Parity.NONE,
          8,
          StopBits.ONE,
          Duration.ofMillis(200),
          Duration.ofSeconds(5));
    }
  }

  /** Parity as configured. */
  public enum Parity {
    NONE(SerialPort.NO_PARITY),
    ODD(SerialPort.ODD_PARITY),
    EVEN(SerialPort.EVEN_PARITY);

    private final int code;

    Parity(int code) {
      this.code = code;
    }
  }

  /** Stop bits as configured. */
  public enum StopBits {
    ONE(SerialPort.ONE_STOP_BIT),
    TWO(SerialPort.TWO_STOP_BITS);

    private final int code;

    StopBits(int code) {
      this.code = code;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);

  private SerialTransport() {}

  /** Finds a port by its path: jSerialComm's {@code getCommPort}, or a test's stand-in. */
  @FunctionalInterface
  interface PortFinder {
    SerialPort find(String path);
  }

  /** Opens the port now; throws {@link TransportDisconnectedException} when it cannot. */
  public static Transport open(Config config) {
    return open(config, SerialPort::getCommPort);
  }

  static Transport open(Config config, PortFinder ports) {
    return new ReopeningTransport(config.path(), () -> openOnce(config, ports));
  }

  private static StreamTransport openOnce(Config config, PortFinder ports) {
    SerialPort port;
    try {
      port = ports.find(config.path());
    } catch (RuntimeException e) {
      throw new TransportDisconnectedException(config.path(), "no such port", e);
    }
    port.setComPortParameters(
        config.baudRate(), config.dataBits(), config.stopBits().code, config.parity().code);
    port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    port.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        Math.toIntExact(config.readPoll().toMillis()),
        Math.toIntExact(config.writeTimeout().toMillis()));
    if (!port.openPort()) {
      throw new TransportDisconnectedException(
          config.path(), "cannot open port (error " + port.getLastErrorCode() + ")", null);
    }
    AtomicBoolean closed = new AtomicBoolean();
    Runnable closeOnce =
        () -> {
          if (closed.compareAndSet(false, true)) {
            port.closePort();
          }
        };
    port.addDataListener(
        new SerialPortDataListener() {
          @Override
          public int getListeningEvents() {
            return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
          }

          @Override
          public void serialEvent(SerialPortEvent event) {
            if (event.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED
                && !closed.get()) {
              log.warn("{}: port disconnected (unplugged or peer gone)", config.path());
              closeOnce.run();
            }
          }
        });
    return StreamTransport.over(
        config.path(),
        PortStreams.input(port, config.path()),
        PortStreams.output(port, config.path()),
        closeOnce::run);
  }
}
