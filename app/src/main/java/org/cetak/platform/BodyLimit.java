package org.cetak.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request body over {@code cetak.api.max-body} (JSON and forms) from its declared length,
 * before a byte of it is read into memory. Uploads ({@code multipart/form-data}) have their own,
 * much larger limit ({@code cetak.imports.max-upload}) and are streamed to disk.
 */
public final class BodyLimit implements HandlerInterceptor {

  private final long limit;

  public BodyLimit(DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String type = request.getContentType();
    boolean upload = type != null && type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    if (!upload && request.getContentLengthLong() > limit) {
      throw new BodyTooLargeException(limit);
    }
    return true;
  }
}
