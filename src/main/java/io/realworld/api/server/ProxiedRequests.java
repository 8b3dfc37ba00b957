package io.realworld.api.server;

import io.realworld.api.config.TrustedProxies;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * Believes {@code X-Forwarded-For} and {@code Forwarded} only on connections from TRUSTED_PROXIES:
 * their requests go to a router with vertx-web's forwarded-header support on, every other request
 * to one with it off, so a client that reaches the service directly cannot pick its own address.
 *
 * <p>Proxies append to these headers, and vertx-web reads their first hop, which is whatever the
 * client sent before the first proxy. So before it reads them, each header is cut down to the
 * hop that the nearest untrusted party was seen as: the last entry whose address is not a trusted
 * proxy's. vertx-web still parses that entry (address, port, proto, host).
 */
final class ProxiedRequests implements Handler<HttpServerRequest> {

  static final String X_FORWARDED_FOR = "X-Forwarded-For";
  static final String FORWARDED = "Forwarded";

  private final TrustedProxies trusted;
  private final Router direct;
  private final Router forwarded;

  ProxiedRequests(TrustedProxies trusted, Router direct, Router forwarded) {
    this.trusted = trusted;
    this.direct = direct;
    this.forwarded = forwarded;
  }

  @Override
  public void handle(HttpServerRequest request) {
    SocketAddress peer = request.remoteAddress();
    if (peer != null && trusted.trusts(peer.hostAddress())) {
      keepNearestUntrustedHop(request.headers(), X_FORWARDED_FOR);
      keepNearestUntrustedHop(request.headers(), FORWARDED);
      forwarded.handle(request);
    } else {
      direct.handle(request);
    }
  }

  private void keepNearestUntrustedHop(MultiMap headers, String name) {
    List<String> values = headers.getAll(name);
    if (values.isEmpty()) {
      return;
    }
    String[] hops = String.join(",", values).split(",");
    String chosen = hops[0].trim();
    for (int i = hops.length - 1; i >= 0; i--) {
      if (!trusted.trusts(address(hops[i], name))) {
        chosen = hops[i].trim();
        break;
      }
    }
    headers.set(name, chosen);
  }

  /** The address a hop names: an X-Forwarded-For entry, or a Forwarded element's {@code for=}. */
  static String address(String hop, String header) {
    String value = hop.trim();
    if (FORWARDED.equals(header)) {
      value = "";
      for (String pair : hop.split(";")) {
        String[] keyValue = pair.trim().split("=", 2);
        if (keyValue.length == 2 && keyValue[0].equalsIgnoreCase("for")) {
          value = keyValue[1].trim();
        }
      }
    }
    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(1, end);
    }
    int colon = value.indexOf(':');
    // one colon: an IPv4 address with a port; more: an IPv6 address without brackets
    return colon >= 0 && colon == value.lastIndexOf(':') ? value.substring(0, colon) : value;
  }
}
