package org.cetak.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * A test SMS centre on loopback built on jsmpp's server session: it takes binds, answers {@code
 * submit_sm} with a message id, sends a delivery receipt ({@code deliver_sm}) echoing the {@code
 * user_message_reference}, counts {@code enquire_link}s, and can refuse, answer late, keep receipts
 * or drop the link on demand.
 */
final class TestSmsc implements AutoCloseable {

  /** One message the centre took. */
  record Submitted(String id, String to, String text, int reference) {}

  final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  final AtomicInteger binds = new AtomicInteger();
  final AtomicInteger enquireLinks = new AtomicInteger();
  final AtomicInteger refuseNext = new AtomicInteger();

  /**
   * While set, receipts are kept, as a centre keeps them for a client that is gone; they go to the
   * next bound link once released.
   */
  final java.util.concurrent.atomic.AtomicBoolean holdReceipts =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * While set, each {@code submit_sm} is taken (and counted) but its answer waits until {@link
   * #answerNow}, as a slow centre's; its receipt follows the answer.
   */
  private volatile java.util.concurrent.CountDownLatch lateAnswers;

  /** From now on, answers wait for {@link #answerNow}. */
  void answerLate() {
    lateAnswers = new java.util.concurrent.CountDownLatch(1);
  }

  /** The waiting answers go out (to a link that may be gone), and the next ones at once. */
  void answerNow() {
    java.util.concurrent.CountDownLatch waiting = lateAnswers;
    lateAnswers = null;
    if (waiting != null) {
      waiting.countDown();
    }
  }

  private final java.util.Queue<Held> held = new java.util.concurrent.ConcurrentLinkedQueue<>();

  private record Held(String id, SubmitSm submitSm, short ref, String text) {}

  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final SMPPServerSessionListener listener;
  private final ExecutorService accepting = Executors.newSingleThreadExecutor();
  private final ExecutorService receipts = Executors.newSingleThreadExecutor();
  private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
  final int port;

  TestSmsc() throws IOException {
    this(KannelStack.freePort());
  }

  /** A centre on the given port, as a centre back on its address after an outage. */
  TestSmsc(int port) throws IOException {
    this.port = port;
    listener = new SMPPServerSessionListener(port, 60000, new Loopback());
    listener.setMessageReceiverListener(new Centre());
    accepting.execute(this::acceptLoop);
  }

  private void acceptLoop() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        SMPPServerSession session = listener.accept();
        BindRequest bind = session.waitForBind(5000);
        bind.accept("test-smsc");
        binds.incrementAndGet();
        sessions.add(session);
        if (!holdReceipts.get()) {
          deliverHeld();
        }
      } catch (IOException e) {
        return; // closed
      } catch (Exception e) {
        // a bind that did not come: wait for the next connection
      }
    }
  }

  /** Receipts the centre keeps for a link that is gone. */
  int receiptsKept() {
    return held.size();
  }

  /** Sends the kept receipts to the newest bound link, once there is one. */
  void releaseReceipts() {
    holdReceipts.set(false);
    deliverHeld();
  }

  private void deliverHeld() {
    for (int i = sessions.size() - 1; i >= 0; i--) {
      SMPPServerSession session = sessions.get(i);
      if (session.getSessionState().isBound()) {
        for (Held h = held.poll(); h != null; h = held.poll()) {
          Held receipt = h;
          receipts.execute(
              () ->
                  receipt(
                      session, receipt.id(), receipt.submitSm(), receipt.ref(), receipt.text()));
        }
        return;
      }
    }
  }

  @SuppressWarnings("JavaUtilDate") // jsmpp's receipt takes java.util.Date
  private void receipt(
      SMPPServerSession session, String id, SubmitSm submitSm, short ref, String text) {
    try {
      DeliveryReceipt receipt =
          new DeliveryReceipt(
              id,
              1,
              1,
              new Date(),
              new Date(),
              DeliveryReceiptState.DELIVRD,
              "000",
              text.substring(0, Math.min(20, text.length())));
      SMPPServerSession target =
          session.getSessionState().isBound() || sessions.isEmpty() ? session : sessions.get(0);
      target.deliverShortMessage(
          "",
          TypeOfNumber.INTERNATIONAL,
          NumberingPlanIndicator.ISDN,
          submitSm.getDestAddress(),
          TypeOfNumber.ALPHANUMERIC,
          NumberingPlanIndicator.UNKNOWN,
          submitSm.getSourceAddr(),
          new ESMClass(
              MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
          receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          new OptionalParameter.Short(OptionalParameter.Tag.USER_MESSAGE_REFERENCE, ref));
    } catch (Exception e) {
      // the link went: a real centre keeps the receipt; this one forgets it
    }
  }

  /** The centre drops every link without an unbind, as a centre that restarts does. */
  void dropLinks() {
    for (SMPPServerSession session : sessions) {
      session.close();
    }
    sessions.clear();
  }

  private final class Centre implements ServerMessageReceiverListener {

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
        throws ProcessRequestException {
      if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ProcessRequestException("throttled", 0x58);
      }
      MessageId id = ids.newMessageId();
      OptionalParameter reference =
          submitSm.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
      short ref = reference instanceof OptionalParameter.Short s ? s.getValue() : -1;
      String text = Gsm7.decode(submitSm.getShortMessage());
      submitted.add(new Submitted(id.getValue(), submitSm.getDestAddress(), text, ref & 0xFFFF));
      java.util.concurrent.CountDownLatch late = lateAnswers;
      if (late != null) {
        try {
          late.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the link was closed under it: the answer is lost
        }
      }
      if (holdReceipts.get()) {
        held.add(new Held(id.getValue(), submitSm, ref, text));
      } else {
        receipts.execute(() -> receipt(source, id.getValue(), submitSm, ref, text));
      }
      return new SubmitSmResult(id, new OptionalParameter[0]);
    }

    @Override
    public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
      enquireLinks.incrementAndGet();
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(
        CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
        QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException("not supported", 0x03);
    }
  }

  /** Listens on the loopback address only. */
  private static final class Loopback implements ServerConnectionFactory {

    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      ServerSocketConnection connection =
          new ServerSocketConnection(
              new ServerSocket(port, backlog, InetAddress.getLoopbackAddress()));
      connection.setSoTimeout(timeout);
      return connection;
    }
  }

  @Override
  public void close() throws IOException {
    dropLinks();
    listener.close();
    accepting.shutdownNow();
    receipts.shutdownNow();
    try {
      accepting.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
