package org.cetak.printing.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.cetak.drivers.printer.PrinterDialect;
import org.junit.jupiter.api.Test;

class DeviceFileTest {

  private static final String BY_ID =
      "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10KXYZ-if00-port0";

  /** This node sees one adapter, under its by-id name and as /dev/ttyUSB0. */
  private static final DeviceFile.Ports PORTS =
      new DeviceFile.Ports() {
        private final Map<String, String> devices =
            Map.of(BY_ID, "/dev/ttyUSB0", "/dev/ttyUSB0", "/dev/ttyUSB0");

        @Override
        public boolean exists(String path) {
          return devices.containsKey(path);
        }

        @Override
        public String device(String path) {
          return devices.getOrDefault(path, path);
        }
      };

  private static final String MODELS =
      """
      models:
        Primacy:
          feeder: 100
          duty-cycle: 150/PT1H
          timings: {print-front: PT12S}
      """;

  private static DeviceFile parse(String printers) {
    return DeviceFile.parse(printers + MODELS, "devices.yaml", "room-1", PORTS);
  }

  private static String printer(String code, String port, String node) {
    return """
          - office: "32.71"
            code: %s
            port: %s
            model: Primacy
            reader: "OMNIKEY"
            node: %s
        """
        .formatted(code, port, node);
  }

  @Test
  void reads_each_printer_with_its_port_dialect_model_reader_and_node() {
    DeviceFile file =
        parse(
            """
            printers:
              - office: "32.71"
                code: PRN-1
                port: %s
                baud: 57600
                dialect: evolis
                model: Primacy
                reader: "OMNIKEY.*0"
                node: room-1
            """
                .formatted(BY_ID));

    DeviceFile.PrinterDevice p = file.printers().get(0);
    assertThat(p.link()).isEqualTo("serial:" + BY_ID + "?baud=57600");
    assertThat(p.dialect()).contains(PrinterDialect.EVOLIS);
    assertThat(p.node()).contains("room-1");
    assertThat(file.models().get("Primacy").dutyCycle()).contains("150/PT1H");
    assertThat(file.models().get("Primacy").timings())
        .containsEntry("print-front", Duration.ofSeconds(12));
  }

  @Test
  void a_printer_without_dialect_or_node_is_detected_and_may_be_driven_by_any_node() {
    DeviceFile file =
        parse(
            """
            printers:
              - {office: "32.71", code: PRN-9, port: "tcp://10.0.0.21:9100", model: Primacy, reader: X}
            """);

    DeviceFile.PrinterDevice p = file.printers().get(0);
    assertThat(p.dialect()).isEqualTo(Optional.empty());
    assertThat(p.drivenBy("any-node")).isTrue();
    assertThat(p.link()).isEqualTo("tcp://10.0.0.21:9100");
  }

  @Test
  void an_unknown_port_on_this_node_is_refused_in_both_languages() {
    assertThatThrownBy(() -> parse("printers:\n" + printer("PRN-1", "/dev/ttyUSB7", "room-1")))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("port /dev/ttyUSB7 tidak dikenal di node ini")
        .hasMessageContaining("unknown port on this node");
  }

  @Test
  void an_unknown_port_on_another_node_is_that_nodes_business() {
    DeviceFile file = parse("printers:\n" + printer("PRN-1", "/dev/ttyUSB7", "room-2"));

    assertThat(file.printers()).hasSize(1);
  }

  @Test
  void two_printers_on_one_port_are_refused_even_under_two_names_of_it() {
    assertThatThrownBy(
            () ->
                parse(
                    "printers:\n"
                        + printer("PRN-1", BY_ID, "room-1")
                        + printer("PRN-2", "/dev/ttyUSB0", "room-1")))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("sudah dipakai printer PRN-1")
        .hasMessageContaining("is already the port of printer PRN-1");
  }

  @Test
  void two_nodes_claiming_one_printer_are_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    "printers:\n"
                        + printer("PRN-1", BY_ID, "room-1")
                        + printer("PRN-1", "/dev/ttyUSB3", "room-2")))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("diklaim dua kali")
        .hasMessageContaining("claimed twice (nodes room-1 and room-2)");
  }

  @Test
  void every_mistake_is_listed_at_once() {
    InvalidDeviceFileException e =
        (InvalidDeviceFileException)
            catchThrowable(
                () ->
                    parse(
                        """
                        printers:
                          - office: "32.71"
                            code: PRN-1
                            port: COM3
                            baud: fast
                            dialect: zebra
                            model: Quantum
                            reader: "OMNI[KEY"
                            colour: red
                        """));

    assertThat(e.errors())
        .hasSize(6)
        .anySatisfy(m -> assertThat(m).contains("kunci tidak dikenal / unknown key"))
        .anySatisfy(m -> assertThat(m).contains("baud: bilangan bulat positif"))
        .anySatisfy(m -> assertThat(m).contains("cetak atau evolis / cetak or evolis"))
        .anySatisfy(m -> assertThat(m).contains("model \"Quantum\" tidak ada di models"))
        .anySatisfy(m -> assertThat(m).contains("pola tidak sah / not a valid pattern"))
        .anySatisfy(m -> assertThat(m).contains("port: jalur perangkat serial"));
    assertThat(e.code()).isEqualTo("DEVICE_FILE_INVALID");
  }

  @Test
  void a_baud_rate_no_serial_adapter_speaks_is_refused_naming_the_rates_it_may_be() {
    assertThatThrownBy(
            () ->
                parse(
                    "printers:\n"
                        + printer("PRN-1", BY_ID, "room-1")
                            .replace("    model:", "    baud: 11520\n    model:")))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining(
            "PRN-1).baud: bukan kecepatan port serial / not a serial port speed: 11520")
        .hasMessageContaining("9600, 19200, 38400, 57600, 115200");
    assertThat(
            parse(
                    "printers:\n"
                        + printer("PRN-1", BY_ID, "room-1")
                            .replace("    model:", "    baud: 9600\n    model:"))
                .printers()
                .get(0)
                .baud())
        .isEqualTo(9600);
  }

  @Test
  void text_that_is_not_yaml_is_refused_with_its_line() {
    assertThatThrownBy(
            () -> DeviceFile.parse("printers: [\n  - {", "devices.yaml", "room-1", PORTS))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("bukan YAML yang sah / not valid YAML");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("nothing thrown");
  }

  @Test
  void each_mistake_is_led_by_the_line_of_the_file_it_is_about() {
    String yaml =
        """
        printers:
          - office: "32.71"
            code: PRN-1
            port: %s
            baud: fast
            model: Primacy
            reader: "OMNIKEY"
          - office: "32.71"
            code: PRN-2
            port: /dev/ttyUSB0
            model: Primacy
            reader: "OMNIKEY"
          - office: "32.71"
            code: PRN-3
            port: tcp://10.0.0.23:9100
            model: Primacy
        models:
          Primacy:
            feeder: -5
        """
            .formatted(BY_ID);

    InvalidDeviceFileException e =
        (InvalidDeviceFileException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> DeviceFile.parse(yaml, "devices.yaml", "room-1", PORTS));

    assertThat(e.errors())
        .containsExactlyInAnyOrder(
            "baris 19: models.Primacy.feeder: bilangan bulat positif / a positive whole number,"
                + " not -5",
            "baris 5: printers[0] (PRN-1).baud: bilangan bulat positif / a positive whole number,"
                + " not fast",
            // a key that is missing: the line of its printer
            "baris 13: printers[2] (PRN-3).reader: wajib diisi / required",
            "baris 10: printer 32.71/PRN-2: port /dev/ttyUSB0 sudah dipakai printer PRN-1 / is"
                + " already the port of printer PRN-1 (/dev/ttyUSB0)");
  }

  @Test
  void yaml_that_does_not_parse_names_the_line_of_the_fault() {
    assertThatThrownBy(
            () ->
                DeviceFile.parse(
                    "printers:\n  - office: \"32.71\"\n    code: [PRN-1\n",
                    "devices.yaml",
                    "room-1",
                    PORTS))
        .isInstanceOf(InvalidDeviceFileException.class)
        .hasMessageContaining("baris 4: bukan YAML yang sah / not valid YAML");
  }
}
