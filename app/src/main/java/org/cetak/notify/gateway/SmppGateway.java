package org.cetak.notify.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cetak.notify.DeliveryReport;
import org.cetak.notify.Gsm7;
import org.cetak.notify.Sms;
import org.cetak.notify.SmsGateway;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMPP 3.4 centre (SMSC) through jsmpp: one transceiver session, bound on first use and bound
 * again after the centre drops the link; {@code enquire_link} keeps it alive. Each {@code
 * submit_sm} asks for a delivery receipt and carries the low 16 bits of the notice id as {@code
 * user_message_reference}, so a receipt for an attempt whose answer (the centre's message id) was
 * lost still finds its notice. Receipts ({@code deliver_sm}) go to the report consumer; a dropped
 * link is bound again at each dispatcher run, so receipts the centre kept for us come in.
 *
 * <p>A centre that cannot be reached is not tried at every run: connecting and binding wait at most
 * {@code connectTimeout}, and after a failed bind the next one waits {@code bindBackoff}, doubled
 * after each further failure up to {@code maxBindBackoff}; a successful bind starts over. Meanwhile
 * {@link #unreachable} says since when and when the next try is.
 */
public final class SmppGateway implements SmsGateway, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

  /** The centre and our account at it. */
  public record Settings(
      String host,
      int port,
      String systemId,
      String password,
      String systemType,
      String sourceAddress,
      Duration timeout,
      Duration enquireLink,
      Duration connectTimeout,
      Duration bindBackoff,
      Duration maxBindBackoff) {

    @Override
    public String toString() {
      return "SmppGateway.Settings[" + host + ":" + port + " as " + systemId + "]";
    }
  }

  private final Settings settings;
  private final Consumer<DeliveryReport> reports;
  private final BindBackoff backoff;
  private SMPPSession session;

  public SmppGateway(Settings settings, Consumer<DeliveryReport> reports, Clock clock) {
    this.settings = settings;
    this.reports = reports;
    this.backoff = new BindBackoff(clock, settings.bindBackoff(), settings.maxBindBackoff());
  }

  @Override
  public Optional<Unreachable> unreachable() {
    return backoff.unreachable();
  }

  @Override
  public String name() {
    return "smpp";
  }

  @Override
  public boolean reportsDelivery() {
    return true;
  }

  @Override
  public Outcome send(Sms sms) {
    SMPPSession bound;
    try {
      bound = bound();
    } catch (IOException e) {
      return new Outcome.Refused("SMSC tidak dapat dihubungi: " + e.getMessage(), true);
    }
    String to = sms.phone().startsWith("+") ? sms.phone().substring(1) : sms.phone();
    try {
      String id =
          bound
              .submitShortMessage(
                  "",
                  TypeOfNumber.ALPHANUMERIC,
                  NumberingPlanIndicator.UNKNOWN,
                  settings.sourceAddress(),
                  TypeOfNumber.INTERNATIONAL,
                  NumberingPlanIndicator.ISDN,
                  to,
                  new ESMClass(),
                  (byte) 0,
                  (byte) 1,
                  null,
                  null,
                  new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                  (byte) 0,
                  new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, MessageClass.CLASS1, false),
                  (byte) 0,
                  Gsm7.encode(sms.text()),
                  new OptionalParameter.Short(
                      OptionalParameter.Tag.USER_MESSAGE_REFERENCE, (short) sms.noticeId()))
              .getMessageId();
      return new Outcome.Accepted(Optional.of(id));
    } catch (NegativeResponseException e) {
      int status = e.getCommandStatus();
      // 0x08 system error, 0x14 queue full, 0x58 throttled: the centre may take it later
      boolean later = status == 0x08 || status == 0x14 || status == 0x58;
      return new Outcome.Refused(
          "SMSC menolak submit_sm: command_status 0x" + Integer.toHexString(status), later);
    } catch (PDUException e) {
      return new Outcome.Refused("submit_sm tidak sah: " + e.getMessage(), false);
    } catch (ResponseTimeoutException e) {
      return new Outcome.Unclear(
          "SMSC tidak menjawab submit_sm dalam " + settings.timeout().toSeconds() + " detik");
    } catch (InvalidResponseException e) {
      return new Outcome.Unclear("Jawaban SMSC tak terbaca: " + e.getMessage());
    } catch (IOException e) {
      dropSession(bound);
      return new Outcome.Unclear("Hubungan ke SMSC putus saat submit_sm: " + e.getMessage());
    }
  }

  /**
   * Receipts come on the link as the centre sends them, so none are returned here; but a link the
   * centre dropped is bound again at each dispatcher run, not only at the next message: a centre
   * keeps the receipts of a client that is gone and sends them when it binds again, and a receipt
   * for an attempt whose answer was lost with the link must settle it before its report wait ends,
   * or the notice would be submitted a second time.
   */
  @Override
  public List<DeliveryReport> collectReports() {
    try {
      bound();
    } catch (IOException e) {
      log.debug("SMSC not reachable to collect receipts: {}", e.getMessage());
    }
    return List.of();
  }

  /** The bound session, binding a new one when there is none or the centre dropped it. */
  private synchronized SMPPSession bound() throws IOException {
    if (session != null && session.getSessionState().isBound()) {
      return session;
    }
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
    if (!backoff.due()) {
      Unreachable down = backoff.unreachable().orElseThrow();
      throw new IOException(
          down.reason() + "; belum dicoba lagi sebelum " + down.nextTry() + " (UTC)");
    }
    SMPPSession fresh = new SMPPSession(this::connect);
    fresh.setTransactionTimer(settings.timeout().toMillis());
    fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
    fresh.setMessageReceiverListener(new Receipts());
    fresh.addSessionStateListener(this::stateChanged);
    try {
      fresh.connectAndBind(
          settings.host(),
          settings.port(),
          new BindParameter(
              BindType.BIND_TRX,
              settings.systemId(),
              settings.password(),
              settings.systemType(),
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null),
          settings.connectTimeout().toMillis());
    } catch (IOException e) {
      fresh.unbindAndClose();
      backoff.failed(String.valueOf(e.getMessage()));
      Unreachable down = backoff.unreachable().orElseThrow();
      log.warn(
          "SMSC {}:{} not reachable ({}), {} failed binds in a row; next bind at {}",
          settings.host(),
          settings.port(),
          e.getMessage(),
          down.failedTries(),
          down.nextTry());
      throw e;
    }
    backoff.succeeded();
    log.info("Bound to SMSC {}:{} as {}", settings.host(), settings.port(), settings.systemId());
    session = fresh;
    return fresh;
  }

  /** A TCP connection to the centre that waits at most the connect timeout. */
  private Connection connect(String host, int port) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
      return new SocketConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private void stateChanged(
      org.jsmpp.extra.SessionState now, org.jsmpp.extra.SessionState before, Session source) {
    if (!now.isBound() && before.isBound()) {
      log.warn(
          "SMSC link {} went {}; binding again at the next message", source.getSessionId(), now);
    }
  }

  private synchronized void dropSession(SMPPSession broken) {
    if (session == broken) {
      session.unbindAndClose();
      session = null;
    }
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
  }

  /** Delivery receipts from the centre, as reports. */
  private final class Receipts implements MessageReceiverListener {

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      if (!deliverSm.isSmscDeliveryReceipt()) {
        return; // a resident's reply: Cetak takes none
      }
      try {
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        OptionalParameter reference =
            deliverSm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        Optional<DeliveryReport.ShortReference> shortReference =
            reference instanceof OptionalParameter.Short s
                ? Optional.of(
                    new DeliveryReport.ShortReference(
                        s.getValue() & 0xFFFF, "+" + deliverSm.getSourceAddr()))
                : Optional.empty();
        reports.accept(
            new DeliveryReport(
                name(),
                Optional.empty(),
                Optional.of(receipt.getId()),
                shortReference,
                state(receipt.getFinalStatus()),
                "stat:" + receipt.getFinalStatus() + " err:" + receipt.getError()));
      } catch (InvalidDeliveryReceiptException | RuntimeException e) {
        log.warn("An SMSC receipt Cetak cannot read", e);
        throw new ProcessRequestException("receipt not accepted", 0x08);
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
      // not asked for
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException("data_sm not supported", 0x03);
    }
  }

  private static DeliveryReport.State state(org.jsmpp.util.DeliveryReceiptState state) {
    return switch (state) {
      case DELIVRD -> DeliveryReport.State.DELIVERED;
      case ACCEPTD, ENROUTE -> DeliveryReport.State.ACCEPTED;
      case REJECTD -> DeliveryReport.State.REJECTED;
      case EXPIRED, DELETED, UNDELIV, UNKNOWN -> DeliveryReport.State.UNDELIVERED;
    };
  }
}
