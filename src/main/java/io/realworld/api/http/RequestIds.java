package io.realworld.api.http;

/**
 * The key under which a request's id is kept in its routing context and written to the MDC of its
 * log events. Here, not in the server that sets it, so that every package can log with it.
 */
public final class RequestIds {

  public static final String KEY = "requestId";

  private RequestIds() {
  }
}
