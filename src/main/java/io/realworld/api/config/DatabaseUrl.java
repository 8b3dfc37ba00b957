package io.realworld.api.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Heroku-style {@code postgres://user:password@host:port/db?sslmode=require} URL, split into
 * parts. {@link #toString()} is the URL again, the password shown as a {@link Secret} shows it.
 */
public record DatabaseUrl(
    String host, int port, String database, String user, Secret password,
    Map<String, String> parameters) {

  private static final List<String> SSL_MODES =
      List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  public DatabaseUrl {
    parameters = Map.copyOf(parameters);
  }

  /** Parses the URL, or throws IllegalArgumentException with a message that holds no secret. */
  public static DatabaseUrl parse(String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (Exception e) {
      throw new IllegalArgumentException("is not a valid URL");
    }
    String scheme = uri.getScheme();
    if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
      throw new IllegalArgumentException("must start with postgres:// or postgresql://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("has no host");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank()) {
      throw new IllegalArgumentException("has no database name");
    }
    String user = null;
    Secret password = null;
    if (uri.getRawUserInfo() != null) {
      String[] userInfo = uri.getRawUserInfo().split(":", 2);
      user = decode(userInfo[0]);
      password = userInfo.length > 1 ? new Secret(decode(userInfo[1])) : null;
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    Map<String, String> parameters = query(uri.getRawQuery());
    String sslMode = parameters.get("sslmode");
    if (sslMode != null && !SSL_MODES.contains(sslMode)) {
      throw new IllegalArgumentException("has an unknown sslmode (use one of " + SSL_MODES + ")");
    }
    return new DatabaseUrl(uri.getHost(), port, database, user, password, parameters);
  }

  /**
   * The JDBC form of the same URL, for Flyway, with the TLS settings it shares with the reactive
   * client; credentials are passed separately so that they never appear in a URL that may be logged.
   */
  public String jdbcUrl(int connectTimeoutSeconds) {
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port)
        .append('/').append(database).append("?connectTimeout=").append(connectTimeoutSeconds)
        .append("&sslmode=").append(sslMode());
    String rootCert = parameters.get("sslrootcert");
    if (rootCert != null) {
      url.append("&sslrootcert=").append(rootCert);
    }
    return url.toString();
  }

  public String sslMode() {
    return parameters.getOrDefault("sslmode", "prefer");
  }

  /** The password to connect with, or null when the URL has none. */
  public String revealPassword() {
    return password == null ? null : password.value();
  }

  @Override
  public String toString() {
    return "postgres://" + (user == null ? "" : user + (password == null ? "" : ":" + password) + "@")
        + host + ":" + port + "/" + database;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      String[] keyValue = pair.split("=", 2);
      parameters.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
