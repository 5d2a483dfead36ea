package org.cetak.sim.printer;

import java.time.Duration;
import java.util.Objects;

/**
 * How one simulated printer is built. Use {@link #builder(String)}; every field has a field-like
 * default.
 *
 * @param name the printer's name (the reader is named after it: "Cetak Sim Reader " + name)
 * @param model {@code Rtp} reply
 * @param serialNumber {@code Rsn} reply
 * @param firmware {@code Rfv} reply
 * @param blanks blanks in the feeder at start
 * @param deadChipRate share of blanks whose chip is dead (mute), 0..1
 * @param ribbonPrints prints left on the ribbon at start (and after a replacement)
 * @param ribbonType initial ribbon type
 * @param rejectBoxCapacity cards the reject box holds
 * @param hopperCapacity cards the output hopper holds
 * @param pickedSinceManufacture initial {@code Rco;c}
 * @param panelsSinceManufacture initial {@code Rco;p}
 * @param head print-head temperature model
 * @param timing nominal durations
 * @param operatorResponse when not null, a simulated operator clears every condition that needs a
 *     person (cover, jam, full boxes, empty ribbon) after this much simulated time
 * @param seed seed of the printer's random source (UIDs, dead chips, rated faults)
 * @param personality the command language it speaks: Cetak's (with {@code Rst}) or the vendor's
 * @param ackNack whether its serial port starts in the ACK/NACK protocol ({@code Pcom}; vendor
 *     personality only)
 */
public record PrinterConfig(
    String name,
    String model,
    String serialNumber,
    String firmware,
    int blanks,
    double deadChipRate,
    int ribbonPrints,
    String ribbonType,
    int rejectBoxCapacity,
    int hopperCapacity,
    long pickedSinceManufacture,
    long panelsSinceManufacture,
    HeadModel head,
    TimingProfile timing,
    Duration operatorResponse,
    long seed,
    Personality personality,
    boolean ackNack) {

  public PrinterConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(personality, "personality");
    if (blanks < 0 || ribbonPrints < 0 || rejectBoxCapacity < 1 || hopperCapacity < 1) {
      throw new IllegalArgumentException(
          "printer " + name + ": counts must be >= 0 and capacities >= 1");
    }
    if (deadChipRate < 0 || deadChipRate > 1) {
      throw new IllegalArgumentException(
          "printer " + name + ": dead chip rate must be in [0,1], was " + deadChipRate);
    }
  }

  /** The command language a simulated printer speaks. */
  public enum Personality {
    /** PROTOCOL.md part A with Cetak's status line {@code Rst}. */
    CETAK,
    /** Only the vendor's documented commands: {@code Rst} is refused (PROTOCOL.md "vendor"). */
    EVOLIS
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The print head: it warms by {@code heatPerCard} per printed card, cools towards {@code ambient}
   * at {@code coolingPerSecond}; at {@code limit} it refuses to print until it has cooled to {@code
   * resume}. Degrees Celsius, simulated seconds.
   */
  public record HeadModel(
      double ambient, double heatPerCard, double coolingPerSecond, double limit, double resume) {

    public static HeadModel field() {
      return new HeadModel(35, 3, 0.5, 75, 50);
    }
  }

  /** Builder with field-like defaults. */
  public static final class Builder {
    private final String name;
    private String model = "Primacy";
    private String serialNumber;
    private String firmware = "F0.CETAK.SIM-1";
    private int blanks = 500;
    private double deadChipRate = 0.015;
    private int ribbonPrints = 300;
    private String ribbonType = "ymcko";
    private int rejectBoxCapacity = 30;
    private int hopperCapacity = 100;
    private long picked = 10_000;
    private long panels = 50_000;
    private HeadModel head = HeadModel.field();
    private TimingProfile timing = TimingProfile.field();
    private Duration operatorResponse;
    private long seed = 1;
    private Personality personality = Personality.CETAK;
    private boolean ackNack;

    private Builder(String name) {
      this.name = name;
      this.serialNumber = "SIM-" + name;
    }

    public Builder model(String v) {
      model = v;
      return this;
    }

    public Builder serialNumber(String v) {
      serialNumber = v;
      return this;
    }

    public Builder firmware(String v) {
      firmware = v;
      return this;
    }

    public Builder blanks(int v) {
      blanks = v;
      return this;
    }

    public Builder deadChipRate(double v) {
      deadChipRate = v;
      return this;
    }

    public Builder ribbonPrints(int v) {
      ribbonPrints = v;
      return this;
    }

    public Builder ribbonType(String v) {
      ribbonType = v;
      return this;
    }

    public Builder rejectBoxCapacity(int v) {
      rejectBoxCapacity = v;
      return this;
    }

    public Builder hopperCapacity(int v) {
      hopperCapacity = v;
      return this;
    }

    public Builder counters(long pickedSinceManufacture, long panelsSinceManufacture) {
      picked = pickedSinceManufacture;
      panels = panelsSinceManufacture;
      return this;
    }

    public Builder head(HeadModel v) {
      head = v;
      return this;
    }

    public Builder timing(TimingProfile v) {
      timing = v;
      return this;
    }

    public Builder operatorResponse(Duration v) {
      operatorResponse = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder personality(Personality v) {
      personality = v;
      return this;
    }

    public Builder ackNack(boolean v) {
      ackNack = v;
      return this;
    }

    public PrinterConfig build() {
      return new PrinterConfig(
          name,
          model,
          serialNumber,
          firmware,
          blanks,
          deadChipRate,
          ribbonPrints,
          ribbonType,
          rejectBoxCapacity,
          hopperCapacity,
          picked,
          panels,
          head,
          timing,
          operatorResponse,
          seed,
          personality,
          ackNack);
    }
  }
}
