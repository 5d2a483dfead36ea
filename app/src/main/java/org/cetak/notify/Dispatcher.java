package org.cetak.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cetak.common.Backoff;
import org.cetak.common.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due notices through the gateway: each once, unless both a gateway's answer and its report
 * are lost.
 *
 * <p>A notice is claimed and its attempt written in one committed transaction <em>before</em> the
 * gateway is called; the gateway's answer is written in a second. A crash between the two leaves
 * the notice {@code SENDING}: it is never claimed again by a blind retry. It is settled by a
 * delivery report that names it (our reference travels with the message), or by asking the gateway
 * ({@link SmsGateway#trace}, Gammu). The same holds for an answer that leaves it unclear whether
 * the gateway took the message (a timeout, garbage). When neither a report nor the gateway can tell
 * after {@code reportWait}, a gateway that cannot be asked (Kannel, SMPP) is given the notice again
 * after the backoff: it never stays stuck, and it may reach the resident twice (neither Kannel nor
 * an SMSC drops a second message carrying our reference); after {@code maxAttempts} it fails for an
 * officer. A notice a gateway that reports delivery took, of which no report at all came within
 * {@code reportDeadline} (Kannel's smsbox gave up calling a {@code dlr-url} no node answered), is
 * marked {@link NoticeStatus#NO_REPORT} for an officer instead of staying {@code SENT}.
 */
public final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final NoticeStore store;
  private final Notices notices;
  private final SmsGateway gateway;
  private final SendRate rate;
  private final DeliveryReports reports;
  private final Transactions transactions;
  private final Clock clock;
  private final Settings settings;

  /**
   * How the dispatcher paces itself.
   *
   * @param maxAttempts attempts the gateway refused before the notice fails
   * @param backoff the wait after each refusal: the first, doubled after each next one, capped
   * @param reportWait how long an attempt with no answer waits for a report before it fails
   * @param batch notices claimed at a time
   * @param node this node's name, kept with each attempt
   * @param reportDeadline how long a notice the gateway took waits for its first delivery report
   *     before it is marked {@link NoticeStatus#NO_REPORT}
   */
  public record Settings(
      int maxAttempts,
      Backoff backoff,
      Duration reportWait,
      int batch,
      String node,
      Duration reportDeadline) {

    /** With the report deadline of {@code cetak.sms.report-deadline}'s default, two hours. */
    public Settings(int maxAttempts, Backoff backoff, Duration reportWait, int batch, String node) {
      this(maxAttempts, backoff, reportWait, batch, node, Duration.ofHours(2));
    }
  }

  /** What one run did. */
  public record Run(int sent, int retried, int failed, int inDoubt, int settled, int reminders) {}

  public Dispatcher(
      NoticeStore store,
      Notices notices,
      SmsGateway gateway,
      SendRate rate,
      DeliveryReports reports,
      Transactions transactions,
      Clock clock,
      Settings settings) {
    this.store = store;
    this.notices = notices;
    this.gateway = gateway;
    this.rate = rate;
    this.reports = reports;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = settings;
  }

  public String gatewayName() {
    return gateway.name();
  }

  /**
   * One pass: fetch reports, settle attempts whose answer never came, queue reminders, send what is
   * due. While the gateway reports itself unreachable until a later try, nothing is claimed or
   * sent.
   */
  public Run dispatch() {
    gateway.collectReports().forEach(reports::received);
    int settled = settleUnanswered();
    markUnreported();
    Optional<SmsGateway.Unreachable> down = gateway.unreachable();
    if (down.isPresent() && clock.instant().isBefore(down.get().nextTry())) {
      // nothing claimed: notices keep their attempts for a gateway that answers
      log.info(
          "SMS gateway {} unreachable since {} ({}); nothing sent before {}",
          gateway.name(),
          down.get().since(),
          down.get().reason(),
          down.get().nextTry());
      return new Run(0, 0, 0, 0, settled, 0);
    }
    int reminders = 0;
    int[] counts = new int[4];
    for (long office : store.officesWithNotices()) {
      NoticeSettings window = store.settings(office);
      if (!window.windowOpen(clock.instant())) {
        continue;
      }
      reminders += notices.queueReminders(office);
      List<Notice> claimed;
      do {
        claimed = transactions.inTransaction(() -> claim(office));
        for (Notice notice : claimed) {
          if (!window.windowOpen(clock.instant())) {
            // claimed as the window closed: back in line for its next opening, nothing sent
            record(notice, new NoticeStore.Settlement.NeverArrived("window closed"));
            continue;
          }
          counts[send(notice)]++;
        }
      } while (claimed.size() == settings.batch());
    }
    return new Run(counts[0], counts[1], counts[2], counts[3], settled, reminders);
  }

  /** Claims due notices of the office, one token of the cluster's rate each. */
  private List<Notice> claim(long office) {
    Instant now = clock.instant();
    List<Integer> tokens = rate.free(now, settings.batch());
    if (tokens.isEmpty()) {
      log.info("SMS rate reached: no token free, the next run sends");
      return List.of();
    }
    List<Notice> claimed =
        store.claimDue(office, now, tokens.size(), gateway.name(), settings.node());
    rate.spend(tokens.subList(0, claimed.size()), now);
    return claimed;
  }

  /** Sends one claimed notice; answers 0 sent, 1 retried, 2 failed, 3 in doubt. */
  private int send(Notice notice) {
    SmsGateway.Outcome outcome = gateway.send(notice.sms());
    String name = gateway.name();
    NoticeStore.Settlement settlement;
    if (outcome instanceof SmsGateway.Outcome.Accepted a) {
      settlement = new NoticeStore.Settlement.Sent(name, a.gatewayId(), false, "accepted");
    } else if (outcome instanceof SmsGateway.Outcome.Queued q) {
      settlement = new NoticeStore.Settlement.Sent(name, q.gatewayId(), true, "queued");
    } else if (outcome instanceof SmsGateway.Outcome.Refused r) {
      settlement = refused(notice, r);
    } else {
      settlement =
          new NoticeStore.Settlement.InDoubt(((SmsGateway.Outcome.Unclear) outcome).reason());
    }
    record(notice, settlement);
    log.info("{} via {}: {}", notice, name, outcome);
    if (settlement instanceof NoticeStore.Settlement.Sent) {
      return 0;
    } else if (settlement instanceof NoticeStore.Settlement.Retry) {
      return 1;
    } else if (settlement instanceof NoticeStore.Settlement.Failed) {
      return 2;
    }
    return 3;
  }

  private NoticeStore.Settlement refused(Notice notice, SmsGateway.Outcome.Refused refusal) {
    if (!refusal.worthRetrying() || notice.attempts() >= settings.maxAttempts()) {
      return new NoticeStore.Settlement.Failed(refusal.reason(), true);
    }
    return new NoticeStore.Settlement.Retry(
        refusal.reason(), clock.instant().plus(settings.backoff().after(notice.attempts())));
  }

  private void record(Notice notice, NoticeStore.Settlement settlement) {
    transactions.run(
        () -> store.settle(notice.id(), notice.attempts(), settlement, clock.instant()));
  }

  /**
   * Notices left {@code SENDING} past the report wait: a crash between call and commit, or an
   * unclear answer (a timeout, garbage) no report has settled. A gateway that can be asked (Gammu)
   * says whether it holds the message: found, it is sent; not found, it is due again; not
   * reachable, it is asked again at the next run. A gateway that cannot be asked (Kannel, SMPP)
   * gets it again after the backoff, at least once; past the attempts, it fails for an officer.
   */
  private int settleUnanswered() {
    Instant before = clock.instant().minus(settings.reportWait());
    int settled = 0;
    for (Notice notice : store.sendingSince(before)) {
      Optional<SmsGateway.Trace> trace =
          notice.gateway().filter(gateway.name()::equals).flatMap(g -> gateway.trace(notice.sms()));
      NoticeStore.Settlement settlement;
      if (trace.isPresent() && trace.get() instanceof SmsGateway.Trace.Received r) {
        settlement =
            new NoticeStore.Settlement.Sent(
                gateway.name(),
                Optional.of(r.gatewayId()),
                false,
                "found at the gateway after the answer was lost");
      } else if (trace.isPresent() && trace.get() instanceof SmsGateway.Trace.Unavailable u) {
        // stays SENDING: its report wait is over, so the next run asks again
        settlement = new NoticeStore.Settlement.InDoubt(u.reason());
      } else if (trace.isPresent()) {
        settlement = new NoticeStore.Settlement.NeverArrived(gateway.name() + " never received it");
      } else if (notice.attempts() < settings.maxAttempts()) {
        settlement =
            new NoticeStore.Settlement.Unanswered(
                unanswered(notice) + "; dikirim ulang, SMS bisa sampai dua kali",
                clock.instant().plus(settings.backoff().after(notice.attempts())));
      } else {
        settlement =
            new NoticeStore.Settlement.Failed(
                unanswered(notice) + "; SMS mungkin sudah terkirim, periksa sebelum kirim ulang",
                false);
      }
      record(notice, settlement);
      log.warn("{} had no answer since {}: {}", notice, notice.attemptStartedAt(), settlement);
      settled++;
    }
    return settled;
  }

  /** Notices the gateway took long ago, of which no delivery report came: marked for an officer. */
  private void markUnreported() {
    if (!gateway.reportsDelivery()) {
      return;
    }
    String why =
        "Laporan terkirim tidak diterima dari "
            + gateway.name()
            + " dalam "
            + settings.reportDeadline().toMinutes()
            + " menit; tanyakan kepada pemohon apakah SMS sampai";
    int marked =
        transactions.inTransaction(
            () ->
                store.markUnreported(
                    gateway.name(), clock.instant().minus(settings.reportDeadline()), why));
    if (marked > 0) {
      log.warn(
          "{} notice(s) taken by {} had no delivery report within {}: marked NO_REPORT",
          marked,
          gateway.name(),
          settings.reportDeadline());
    }
  }

  private String unanswered(Notice notice) {
    return "Tidak ada jawaban maupun laporan dari "
        + notice.gateway().orElse(gateway.name())
        + " dalam "
        + settings.reportWait().toMinutes()
        + " menit"
        + notice.lastError().map(e -> " (" + e + ")").orElse("");
  }
}
