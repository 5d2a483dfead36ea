package org.cetak.drivers.chip.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.cetak.drivers.chip.ChipOutcome;
import org.cetak.drivers.chip.ChipUid;
import org.cetak.drivers.chip.ReaderState;
import org.junit.jupiter.api.Test;

/**
 * What neither pcscd nor a virtual card produces on demand, with {@code javax.smartcardio} mocked:
 * a reader that throws while the encoder waits for a card.
 */
class PcscTerminalFailuresTest {

  private static final String READER = "HID OMNIKEY 5422 CL 0";

  private final TerminalFactory factory = mock(TerminalFactory.class);
  private final CardTerminals terminals = mock(CardTerminals.class);
  private final CardTerminal terminal = mock(CardTerminal.class);
  private final PcscChipEncoder encoder = new PcscChipEncoder(factory, Pattern.compile("OMNIKEY"));

  PcscTerminalFailuresTest() throws CardException {
    when(factory.getType()).thenReturn("mock");
    when(factory.terminals()).thenReturn(terminals);
    when(terminals.list()).thenReturn(List.of(terminal));
    when(terminals.getTerminal(READER)).thenReturn(terminal);
    when(terminal.getName()).thenReturn(READER);
  }

  @Test
  void the_service_stopping_while_waiting_for_a_card_is_service_unavailable() throws Exception {
    when(terminal.waitForCardPresent(anyLong()))
        .thenThrow(new CardException("SCardGetStatusChange", new Exception("SCARD_E_NO_SERVICE")));

    ChipOutcome<ChipUid> outcome = encoder.readUid(Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ChipOutcome.ServiceUnavailable.class);
  }

  @Test
  void the_reader_unplugged_while_waiting_for_a_card_is_no_reader() throws Exception {
    when(terminal.waitForCardPresent(anyLong()))
        .thenThrow(new CardException("SCARD_E_READER_UNAVAILABLE"));

    ChipOutcome<ChipUid> outcome = encoder.readUid(Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ChipOutcome.NoReader.class);
  }

  @Test
  void a_runtime_failure_while_waiting_is_an_outcome_not_an_exception() throws Exception {
    when(terminal.waitForCardPresent(anyLong()))
        .thenThrow(new IllegalStateException("terminal closed"));

    ChipOutcome<ChipUid> outcome = encoder.readUid(Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ChipOutcome.ProtocolFailure.class);
  }

  @Test
  void reader_state_shows_a_card_on_the_reader() throws Exception {
    when(terminal.isCardPresent()).thenReturn(true);

    assertThat(encoder.readerState()).isEqualTo(new ReaderState.Ready(READER, true));
  }

  @Test
  void reader_state_shows_an_unplugged_reader_as_missing() throws Exception {
    when(terminals.list()).thenReturn(List.of());

    assertThat(encoder.readerState()).isInstanceOf(ReaderState.Missing.class);
  }

  @Test
  void reader_state_shows_a_stopped_service() throws Exception {
    when(terminals.list())
        .thenThrow(new CardException("list", new Exception("SCARD_E_NO_SERVICE")));

    assertThat(encoder.readerState()).isInstanceOf(ReaderState.ServiceDown.class);
  }
}
