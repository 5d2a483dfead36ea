package org.cetak.drivers.chip.pcsc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.ApduChannel;
import org.cetak.drivers.chip.ChipCommands;
import org.cetak.drivers.chip.ChipEncoder;
import org.cetak.drivers.chip.ChipLinkException;
import org.cetak.drivers.chip.ChipOutcome;
import org.cetak.drivers.chip.ChipPayload;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.drivers.chip.Personalised;
import org.cetak.drivers.chip.ProfileWriter;
import org.cetak.drivers.chip.ReaderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PC/SC adapter of {@link ChipEncoder} over {@code javax.smartcardio}. The {@link
 * TerminalFactory} is given, so the same code runs against the real PC/SC service ({@code
 * TerminalFactory.getInstance("PC/SC", null)}) and an in-JVM simulated provider.
 *
 * <p>Recovery from a restarted PC/SC service: when the service is reported gone, the next operation
 * first resets the JDK's process-wide PC/SC context ({@link JdkPcscContext}, only for a factory of
 * type {@code PC/SC}) and tries once more; while the service stays down, operations return {@link
 * ChipOutcome.ServiceUnavailable}. A personalisation cut by a stopped service is not resumed: it
 * returns its outcome, and the caller decides.
 */
public final class PcscChipEncoder implements ChipEncoder {

  private static final Logger log = LoggerFactory.getLogger(PcscChipEncoder.class);

  private final TerminalFactory factory;
  private final Pattern readerName;
  private volatile boolean contextSuspect;

  /**
   * @param readerName a pattern found in the reader's name ({@code Virtual PCD 00 00}, {@code
   *     OMNIKEY.*CL})
   */
  public PcscChipEncoder(TerminalFactory factory, Pattern readerName) {
    this.factory = factory;
    this.readerName = readerName;
  }

  @Override
  public ChipOutcome<ChipUid> readUid(Duration waitForCard) {
    return withCard(waitForCard, writer -> writer.readUid());
  }

  @Override
  public ChipOutcome<Personalised> personalise(ChipPayload payload, Duration waitForCard) {
    return withCard(waitForCard, writer -> writer.personalise(payload));
  }

  private <T> ChipOutcome<T> withCard(
      Duration waitForCard, Function<ProfileWriter, ChipOutcome<T>> work) {
    ChipOutcome<T> outcome = attempt(waitForCard, work);
    if (outcome instanceof ChipOutcome.ServiceUnavailable<T> && resetContext()) {
      outcome = attempt(waitForCard, work);
    }
    if (outcome instanceof ChipOutcome.ServiceUnavailable<T>) {
      contextSuspect = true;
    }
    return outcome;
  }

  /**
   * The reader's state now. A service reported gone resets the JDK's PC/SC context and asks once
   * more, so a restarted pcscd shows as ready again without a restart of the application.
   */
  @Override
  public ReaderState readerState() {
    ReaderState state = look();
    if (state instanceof ReaderState.ServiceDown && resetContext()) {
      state = look();
    }
    contextSuspect = state instanceof ReaderState.ServiceDown;
    return state;
  }

  private ReaderState look() {
    List<String> names = new ArrayList<>();
    try {
      for (CardTerminal candidate : factory.terminals().list()) {
        names.add(candidate.getName());
        if (readerName.matcher(candidate.getName()).find()) {
          return new ReaderState.Ready(candidate.getName(), candidate.isCardPresent());
        }
      }
      return new ReaderState.Missing(readerName.pattern(), names);
    } catch (CardException | RuntimeException e) {
      ChipLinkException failure = PcscFailures.wrap("reader state", e);
      return switch (failure.kind()) {
        case NO_READER -> new ReaderState.Missing(readerName.pattern(), names);
        case SERVICE, CARD_REMOVED, MUTE, OTHER ->
            new ReaderState.ServiceDown(failure.getMessage());
      };
    }
  }

  private boolean resetContext() {
    if (!"PC/SC".equals(factory.getType())) {
      return false;
    }
    contextSuspect = false;
    return JdkPcscContext.reset();
  }

  private <T> ChipOutcome<T> attempt(
      Duration waitForCard, Function<ProfileWriter, ChipOutcome<T>> work) {
    if (contextSuspect) {
      resetContext();
    }
    CardTerminal terminal;
    List<String> names = new ArrayList<>();
    try {
      for (CardTerminal candidate : factory.terminals().list()) {
        names.add(candidate.getName());
      }
      Optional<String> match = names.stream().filter(n -> readerName.matcher(n).find()).findFirst();
      if (match.isEmpty()) {
        return new ChipOutcome.NoReader<>(readerName.pattern(), names);
      }
      terminal = factory.terminals().getTerminal(match.get());
    } catch (CardException | RuntimeException e) {
      return beforeCard(PcscFailures.wrap("list readers", e), "", waitForCard);
    }
    if (terminal == null) {
      return new ChipOutcome.NoReader<>(readerName.pattern(), names);
    }
    String reader = terminal.getName();
    Card card;
    try {
      if (!terminal.waitForCardPresent(Math.max(1, waitForCard.toMillis()))) {
        return new ChipOutcome.NoCard<>(reader, waitForCard);
      }
      card = terminal.connect("*");
    } catch (CardException | RuntimeException e) {
      return beforeCard(PcscFailures.wrap("connect", e), reader, waitForCard);
    }
    try {
      log.debug("{}: card connected, ATR {}", reader, card.getATR());
      CardChannel channel = card.getBasicChannel();
      return work.apply(new ProfileWriter(channel(reader, channel)));
    } finally {
      try {
        card.disconnect(true); // reset: vpcd notices a vanished card only on traffic
      } catch (CardException | RuntimeException e) {
        log.debug("{}: disconnect failed", reader, e);
      }
    }
  }

  private static <T> ChipOutcome<T> beforeCard(
      ChipLinkException failure, String reader, Duration waited) {
    return switch (failure.kind()) {
      case SERVICE -> new ChipOutcome.ServiceUnavailable<>(failure.getMessage());
      case CARD_REMOVED -> new ChipOutcome.NoCard<>(reader, waited);
      case MUTE -> new ChipOutcome.MuteChip<>(reader, failure.getMessage(), Optional.empty());
      case NO_READER -> new ChipOutcome.NoReader<>(reader, List.of());
      case OTHER ->
          new ChipOutcome.ProtocolFailure<>("connect", failure.getMessage(), Optional.empty());
    };
  }

  private static ApduChannel channel(String reader, CardChannel channel) {
    return command -> {
      CommandAPDU apdu = new CommandAPDU(command);
      if (log.isDebugEnabled()) {
        log.debug("{} > {}", reader, ChipCommands.describe(command));
      }
      byte[] response;
      try {
        response = channel.transmit(apdu).getBytes();
      } catch (CardException | RuntimeException e) {
        // a card leaving mid-APDU surfaces as IllegalArgumentException from the JDK
        throw PcscFailures.wrap("transmit", e);
      }
      if (log.isDebugEnabled()) {
        log.debug("{} < {}", reader, ChipCommands.describeResponse(response));
      }
      return response;
    };
  }
}
