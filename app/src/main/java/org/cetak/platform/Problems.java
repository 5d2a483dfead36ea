package org.cetak.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.cetak.common.DateText;
import org.cetak.common.DomainException;
import org.cetak.common.ErrorCode;
import org.cetak.common.Field;
import org.cetak.common.Wording;
import org.cetak.stock.DailyReports;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Builds the RFC 9457 problem documents of every answer that is not a success: {@code code} is the
 * catalogue's stable code for programs, {@code title} says what it means and {@code detail} what
 * happened, in the user's language (Bahasa Indonesia unless English is chosen).
 */
@Component
public class Problems {

  private final MessageSource messages;

  public Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** The HTTP status of a kind of refusal. */
  public static HttpStatus status(ErrorCode.Kind kind) {
    return switch (kind) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
      case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
      case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
      case FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  /** A console message with its arguments. */
  public String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  /** The catalogue's wording of a code in a language. */
  public String title(ErrorCode code, Locale locale) {
    return messages.getMessage("error." + code.name(), null, code.name(), locale);
  }

  /**
   * A refusal as a form shows it: the code's wording, followed by what happened when the
   * catalogue's detail says more (which field, how long, the limit).
   */
  public String refusal(DomainException e, Locale locale) {
    String title = title(e.error(), locale);
    return detail(e.error(), e.args(), locale)
        .filter(detail -> !detail.equals(title))
        .map(detail -> detail.startsWith(title) ? detail : title + ": " + detail)
        .orElse(title);
  }

  /**
   * A problem document: the title is the code's wording; the detail says what happened in the same
   * language — the catalogue's {@code error.<code>.detail} filled in with {@code args}, or the
   * title when the refusal lacks a value the detail names (a developer's note stays in the log,
   * never in the answer).
   */
  public ProblemDetail problem(ErrorCode code, Object[] args, Locale locale) {
    return problem(code, "", args, locale);
  }

  /**
   * As {@link #problem(ErrorCode, Object[], Locale)}, the detail worded by the catalogue's {@code
   * error.<code>.detail.<variant>} (one way of several a code's refusal can be told) when {@code
   * variant} is not empty.
   */
  public ProblemDetail problem(ErrorCode code, String variant, Object[] args, Locale locale) {
    HttpStatus status = status(code.kind());
    String title = title(code, locale);
    String detail = detail(code, variant, args, locale).orElse(title);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setProperty("code", code.name());
    return problem;
  }

  /**
   * The catalogue's {@code error.<code>.detail} filled in with {@code args}; empty when the code
   * has none or the refusal does not carry every value it names.
   */
  public Optional<String> detail(ErrorCode code, Object[] args, Locale locale) {
    return detail(code, "", args, locale);
  }

  private Optional<String> detail(ErrorCode code, String variant, Object[] args, Locale locale) {
    String key = "error." + code.name() + ".detail" + (variant.isEmpty() ? "" : "." + variant);
    String pattern = messages.getMessage(key, null, null, locale);
    if (pattern == null) {
      return Optional.empty();
    }
    int named = new MessageFormat(pattern, locale).getFormatsByArgumentIndex().length;
    if (named == 0) {
      return Optional.of(pattern);
    }
    if (args.length < named) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(messages.getMessage(key, labelled(args, locale), null, locale));
    } catch (IllegalArgumentException e) {
      // a value of another type than the wording formats (a text for a number): the title stands
      return Optional.empty();
    }
  }

  /**
   * The arguments as a reader takes them: each {@link Field} replaced by its label in the language,
   * each {@link Wording} by its wording there, each day written as {@link DateText} writes it
   * ({@code 1 Des 2026}), never as ISO.
   */
  private Object[] labelled(Object[] args, Locale locale) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Field field) {
        out[i] = messages.getMessage(field.key(), null, field.key(), locale);
      } else if (out[i] instanceof Wording wording) {
        out[i] =
            messages.getMessage(
                wording.key(), labelled(wording.args().toArray(), locale), wording.key(), locale);
      } else if (out[i] instanceof LocalDate day) {
        out[i] = DateText.of(DailyReports.ZONE, locale).day(day);
      }
    }
    return out;
  }

  /** The language of a request: the console's choice, or for API clients their Accept-Language. */
  public static Locale locale(HttpServletRequest request) {
    String accept = request.getHeader("Accept-Language");
    if (request.getCookies() == null && accept != null && !accept.isBlank()) {
      return request.getLocale().getLanguage().equals("en")
          ? Locale.ENGLISH
          : Locale.forLanguageTag("id");
    }
    return RequestContextUtils.getLocale(request);
  }
}
