package org.cetak.printing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cetak.printing.config.StationDevices;
import org.springframework.context.MessageSource;

/**
 * What a reload of the device file did, in the officer's language: the printers added, removed and
 * changed on this node (each as {@code office/code}), or that nothing changed and which printers
 * the node drives.
 */
final class ReloadNotice {

  private ReloadNotice() {}

  static String of(StationDevices.Reloaded reloaded, MessageSource messages, Locale locale) {
    List<String> now =
        reloaded.devices().stream().map(d -> d.link().office() + "/" + d.link().code()).toList();
    if (reloaded.unchanged()) {
      return messages.getMessage(
          "devices.reloaded.unchanged", new Object[] {now.size(), String.join(", ", now)}, locale);
    }
    List<String> parts = new ArrayList<>();
    part(parts, "devices.reloaded.added", reloaded.added(), messages, locale);
    part(parts, "devices.reloaded.removed", reloaded.removed(), messages, locale);
    part(parts, "devices.reloaded.changed", reloaded.changed(), messages, locale);
    return messages.getMessage(
        "devices.reloaded", new Object[] {String.join("; ", parts), now.size()}, locale);
  }

  private static void part(
      List<String> parts,
      String key,
      List<String> printers,
      MessageSource messages,
      Locale locale) {
    if (!printers.isEmpty()) {
      parts.add(
          messages.getMessage(
              key, new Object[] {printers.size(), String.join(", ", printers)}, locale));
    }
  }
}
