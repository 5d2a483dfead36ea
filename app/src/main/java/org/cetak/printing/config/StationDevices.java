package org.cetak.printing.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cetak.common.DomainException;
import org.cetak.drivers.printer.PrinterTimings;
import org.cetak.printing.DutyCycle;
import org.cetak.printing.PrintingError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The printers this node drives and how: read from the device file at start-up (a file that cannot
 * be used stops the start, with every mistake listed) and again when an administrator asks ({@link
 * #reload}: a file that cannot be used then leaves the devices as they were). Printers listed under
 * {@code cetak.station.printers} are added to those of the file. Thread-safe.
 */
public final class StationDevices {

  private static final Logger log = LoggerFactory.getLogger(StationDevices.class);

  /** One printer this node may drive, with its model when the device file names one. */
  public record Device(
      StationProperties.PrinterLink link, Optional<DeviceFile.PrinterModel> model) {}

  private final StationProperties properties;
  private final DeviceFile.Ports ports;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile List<Device> devices;
  private volatile Map<String, DeviceFile.PrinterModel> modelsByPrinter = Map.of();

  public StationDevices(StationProperties properties, DeviceFile.Ports ports) {
    this.properties = properties;
    this.ports = ports;
  }

  /**
   * The printers of this node now; the first call reads the device file.
   *
   * @throws InvalidDeviceFileException at the first call, when the file cannot be used
   */
  public synchronized List<Device> devices() {
    if (devices == null) {
      devices = read();
    }
    return devices;
  }

  /** Their links, for what needs only those. */
  public List<StationProperties.PrinterLink> links() {
    return devices().stream().map(Device::link).toList();
  }

  /** Told after every reload that changed something. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * What a reload changed on this node, each printer as {@code office/code}.
   *
   * @param devices the printers of this node now
   * @param added printers the file now gives this node
   * @param removed printers the file no longer gives this node
   * @param changed printers whose port, baud, dialect, reader or model changed
   */
  public record Reloaded(
      List<Device> devices, List<String> added, List<String> removed, List<String> changed) {

    /** Whether the reload changed nothing this node drives. */
    public boolean unchanged() {
      return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
  }

  /**
   * Reads the device file again. The listeners are told after the new devices are in place, outside
   * this object's lock (the station takes its own lock to stop and start printers).
   *
   * @return the printers of this node now, and what changed
   * @throws InvalidDeviceFileException the file cannot be used; nothing changed
   */
  public Reloaded reload() {
    Reloaded reloaded;
    synchronized (this) {
      if (properties.deviceFile().isEmpty()) {
        throw new DomainException(
            PrintingError.NO_DEVICE_FILE,
            "Node ini tidak punya berkas perangkat (cetak.station.devices) / this node has no"
                + " device file (cetak.station.devices)");
      }
      List<Device> before = devices == null ? List.of() : devices;
      List<Device> now = read();
      reloaded = compare(before, now);
      devices = now;
    }
    if (!reloaded.unchanged()) {
      log.info(
          "Device file reloaded: {} printer(s) on this node; added {}, removed {}, changed {}",
          reloaded.devices().size(),
          reloaded.added(),
          reloaded.removed(),
          reloaded.changed());
      listeners.forEach(Runnable::run);
    }
    return reloaded;
  }

  private static Reloaded compare(List<Device> before, List<Device> now) {
    Map<String, Device> was = new java.util.LinkedHashMap<>();
    before.forEach(d -> was.put(name(d), d));
    Map<String, Device> is = new java.util.LinkedHashMap<>();
    now.forEach(d -> is.put(name(d), d));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    is.forEach(
        (name, d) -> {
          if (!was.containsKey(name)) {
            added.add(name);
          } else if (!was.get(name).equals(d)) {
            changed.add(name);
          }
        });
    List<String> removed = was.keySet().stream().filter(n -> !is.containsKey(n)).toList();
    return new Reloaded(now, List.copyOf(added), removed, List.copyOf(changed));
  }

  private static String name(Device device) {
    return device.link().office() + "/" + device.link().code();
  }

  /**
   * The feeder capacity the device file states for a printer of an office (by the office's region
   * code and the printer's code), whichever node drives it; empty when the file does not list it.
   */
  public OptionalInt feederCapacity(String office, String printerCode) {
    try {
      devices();
    } catch (InvalidDeviceFileException e) {
      log.warn("Device file unusable, feeder capacities from the settings: {}", e.getMessage());
      return OptionalInt.empty();
    }
    DeviceFile.PrinterModel model = modelsByPrinter.get(office + "/" + printerCode);
    return model == null ? OptionalInt.empty() : OptionalInt.of(model.feeder());
  }

  private List<Device> read() {
    List<Device> all = new ArrayList<>();
    Optional<String> location = properties.deviceFile();
    Map<String, DeviceFile.PrinterModel> models = new HashMap<>();
    if (location.isPresent()) {
      DeviceFile file =
          DeviceFile.parse(text(location.get()), location.get(), properties.node(), ports);
      for (DeviceFile.PrinterDevice p : file.printers()) {
        Optional.ofNullable(file.models().get(p.model()))
            .ifPresent(m -> models.put(p.office() + "/" + p.code(), m));
        if (p.drivenBy(properties.node())) {
          all.add(
              new Device(
                  new StationProperties.PrinterLink(
                      p.office(),
                      p.code(),
                      p.link(),
                      p.reader(),
                      p.dialect().map(d -> d.word()).orElse(null)),
                  Optional.ofNullable(file.models().get(p.model()))));
        }
      }
    }
    for (StationProperties.PrinterLink link : properties.printers()) {
      all.add(new Device(link, Optional.empty()));
    }
    modelsByPrinter = Map.copyOf(models);
    return List.copyOf(all);
  }

  /** The timings of a device: the model's where it sets them, else the field's. */
  public PrinterTimings timings(Device device) {
    PrinterTimings field = PrinterTimings.field();
    if (device.model().isPresent()) {
      var t = device.model().get().timings();
      field =
          new PrinterTimings(
              field.query(),
              t.getOrDefault("pick-and-park", field.pickAndPark()),
              t.getOrDefault("pick-to-print", field.pickToPrint()),
              t.getOrDefault("print-front", field.printFront()),
              t.getOrDefault("print-back", field.printBack()),
              t.getOrDefault("eject", field.eject()),
              t.getOrDefault("reject", field.reject()),
              field.reset(),
              field.margin(),
              field.linkBytesPerSecond(),
              field.recoveryBudget(),
              field.pollInterval());
    }
    return field.scaled(properties.timeScale());
  }

  /** The duty cycle of a device: its model's, else the one configured for the registered model. */
  public Optional<DutyCycle> dutyCycle(Device device, String registeredModel, Clock clock) {
    Optional<String> own = device.model().flatMap(DeviceFile.PrinterModel::dutyCycle);
    if (own.isPresent()) {
      String spec = own.get();
      int slash = spec.indexOf('/');
      return Optional.of(
          new DutyCycle(
              Integer.parseInt(spec.substring(0, slash)),
              java.time.Duration.parse(spec.substring(slash + 1)),
              clock));
    }
    return properties.dutyCycle(registeredModel, clock);
  }

  private static String text(String location) {
    try {
      if (location.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length());
        try (InputStream in =
            StationDevices.class
                .getClassLoader()
                .getResourceAsStream(resource.replaceFirst("^/", ""))) {
          if (in == null) {
            throw new InvalidDeviceFileException(
                location, List.of("berkas tidak ada / no such file"));
          }
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      return Files.readString(Path.of(location), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidDeviceFileException(
          location, List.of("tidak dapat dibaca / cannot be read: " + e.getMessage()));
    }
  }

  /** This machine's serial devices, as the file system shows them. */
  public static DeviceFile.Ports machinePorts() {
    return new DeviceFile.Ports() {
      @Override
      public boolean exists(String path) {
        return Files.exists(Path.of(path));
      }

      @Override
      public String device(String path) {
        try {
          return Path.of(path).toRealPath().toString();
        } catch (IOException e) {
          return path;
        }
      }
    };
  }
}
