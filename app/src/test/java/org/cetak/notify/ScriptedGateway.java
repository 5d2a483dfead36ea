package org.cetak.notify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A gateway for the dispatcher's own tests: answers as scripted, keeps what it was given. */
final class ScriptedGateway implements SmsGateway {

  final List<Sms> received = new ArrayList<>();
  private final Deque<Outcome> script = new ArrayDeque<>();
  private final java.util.Map<Long, Outcome> byNotice = new java.util.HashMap<>();
  private Optional<Trace> trace = Optional.empty();

  /** Answers this for this notice, whatever the script says. */
  ScriptedGateway answering(long noticeId, Outcome outcome) {
    byNotice.put(noticeId, outcome);
    return this;
  }

  ScriptedGateway then(Outcome outcome) {
    script.add(outcome);
    return this;
  }

  ScriptedGateway tracing(Trace answer) {
    trace = Optional.of(answer);
    return this;
  }

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public synchronized Outcome send(Sms sms) {
    received.add(sms);
    if (byNotice.containsKey(sms.noticeId())) {
      return byNotice.get(sms.noticeId());
    }
    Outcome next = script.poll();
    return next != null ? next : new Outcome.Accepted(Optional.of("gw-" + sms.noticeId()));
  }

  @Override
  public Optional<Trace> trace(Sms sms) {
    return trace;
  }
}
