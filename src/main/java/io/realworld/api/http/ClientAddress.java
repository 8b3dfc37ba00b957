package io.realworld.api.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The client's address as the throttles key it: the peer's, or, behind a proxy listed in
 * TRUSTED_PROXIES, the one its X-Forwarded-For/Forwarded names (vertx-web answers it as the remote
 * address then).
 */
public final class ClientAddress {

  /**
   * Longer than any textual IPv4 or IPv6 address (45 characters, plus a zone id): a forwarded
   * address is text a proxy passed on, so its length is checked before it keys anything.
   */
  public static final int MAX_LENGTH = 64;
  static final String UNKNOWN = "unknown";

  private ClientAddress() {
  }

  public static String of(RoutingContext ctx) {
    var address = ctx.request().remoteAddress();
    if (address == null) {
      return UNKNOWN;
    }
    // a forwarded address is built from text, and has a host but no resolved address
    String text = address.hostAddress() != null ? address.hostAddress() : address.host();
    return text == null || text.length() > MAX_LENGTH ? UNKNOWN : text;
  }
}
