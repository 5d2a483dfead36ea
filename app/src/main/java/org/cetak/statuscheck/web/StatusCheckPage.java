package org.cetak.statuscheck.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.cetak.common.DateText;
import org.cetak.security.Allow;
import org.cetak.statuscheck.StatusAnswer;
import org.cetak.statuscheck.StatusCheck;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page where a resident checks the KTP-el (cek status KTP-el): no sign-in, NIK and birth
 * date by POST (never in a URL or an access log), an answer of a few lines. A refused lookup
 * answers 429.
 */
@Controller
public class StatusCheckPage {

  private final StatusCheck check;
  private final Clock clock;

  public StatusCheckPage(StatusCheck check, Clock clock) {
    this.check = check;
    this.clock = clock;
  }

  @GetMapping("/cek-status")
  @Allow.Anyone
  String form() {
    return "status-check";
  }

  @PostMapping("/cek-status")
  @Allow.Anyone
  String lookup(
      @RequestParam(name = "nik", defaultValue = "") String nik,
      @RequestParam(name = "birthDate", defaultValue = "") String birthDate,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    StatusAnswer answer = check.check(nik, birthDate, request.getRemoteAddr());
    if (answer instanceof StatusAnswer.Refused) {
      response.setStatus(429);
    }
    model.addAttribute("answer", answer);
    model.addAttribute("kind", answer.getClass().getSimpleName());
    // times of a printed or collected card read in its office's zone (WIB, WITA or WIT)
    ZoneId zone = clock.getZone();
    if (answer instanceof StatusAnswer.Ready ready) {
      zone = ready.zone();
    } else if (answer instanceof StatusAnswer.HandedOver handed) {
      zone = handed.zone();
    }
    model.addAttribute("when", new DateText(clock.withZone(zone), locale));
    return "status-check";
  }
}
