package io.realworld.api.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates hostile requests from a seeded Random: the same seed gives the same requests. Each
 * request is an endpoint with its path parameters, query, body and Authorization header drawn
 * from lists of nasty values.
 */
final class HostileRequests {

  /** One request; {@code kind} names the body's generator, for the counts. */
  record Request(String kind, String method, String path, byte[] body, String authorization) {
    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return method + " " + abbreviate(path) + " [" + kind + "] " + abbreviate(text);
    }

    private static String abbreviate(String text) {
      return text.length() > 160 ? text.substring(0, 160) + "...(" + text.length() + ")" : text;
    }
  }

  /** Text that has broken parsers, databases and renderers. */
  static final List<String> NASTY_STRINGS = List.of(
      "", " ", "\t\n", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83dy", "\ud83d\ude00",
      "\u202eevil\u202c", "\u200b", "\u200d\u200d", "\ufeff", "\uffff", "\u0085", "A\u030a",
      "مرحبا", "שָׁלוֹם", "𝕳𝖊𝖑𝖑𝖔", "Ω≈ç√∫", "null", "undefined", "true", "0", "-1", "NaN",
      "'", "\"", "\\", "`", "'; DROP TABLE users; --", "\" OR \"1\"=\"1", "1' OR '1'='1' --",
      "admin'--", "$1", "?", "%s%s%s%n", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "<script>alert(1)</script>",
      "{\"$ne\": null}", "\",\"admin\":true,\"x\":\"", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd",
      "%00", "%", "%zz", "/", "//", "a/b", "\r\nX-Injected: 1", "a".repeat(300),
      "é".repeat(5000), "\ud83d\ude00".repeat(3000));

  private static final List<String> PATH_SEGMENTS = List.of(
      "..", "%2e%2e", "..%2F..", "%2F", "..%2f..%2fapi%2ftags", "%00", "a%00b", "%ZZ", "%",
      "%C3%28", "%ED%A0%80", "%F0%9F%98%80", "%E2%80%AE", "%20", "+", "%2B", "a;b", "a%3Bb", "*",
      "%27%20OR%201%3D1--", "x".repeat(2000), "-1", "0", "99999999999999999999", "1.5", "1e3");

  private static final List<String> QUERY_VALUES = List.of(
      "", "-1", "0", "1", "100", "101", "10001", "2147483648", "99999999999999999999", "1e3",
      "0x10", "%205", "5%20", "+5", "1.0", "NaN", "%00", "%27", "%C3%28", "%ED%A0%80", "a%2Cb",
      "%F0%9F%98%80", "x".repeat(1500));

  private static final List<String> AUTHORIZATIONS = List.of(
      "Token", "Token ", "Bearer x", "Token a.b.c", "Token ....", "Token %00",
      "Token eyJhbGciOiJub25lIn0.eyJzdWIiOjF9.", "token x", "Basic YTpi", "Token " + "a".repeat(3000));

  private final Random random;
  private final String username;
  private final String slug;
  private final String token;
  private final List<Supplier<Endpoint>> endpoints;

  HostileRequests(Random random, String username, String slug, String token) {
    this.random = random;
    this.username = username;
    this.slug = slug;
    this.token = token;
    this.endpoints = List.of(
        () -> new Endpoint("POST", "/api/users", "user"),
        () -> new Endpoint("POST", "/api/users/login", "user"),
        () -> new Endpoint("GET", "/api/user", null),
        () -> new Endpoint("PUT", "/api/user", "user"),
        () -> new Endpoint("GET", "/api/profiles/" + segment(username), null),
        () -> new Endpoint(pick("POST", "DELETE"), "/api/profiles/" + segment(username) + "/follow", null),
        () -> new Endpoint("GET", "/api/articles" + query(), null),
        () -> new Endpoint("GET", "/api/articles/feed" + query(), null),
        () -> new Endpoint("POST", "/api/articles", "article"),
        () -> new Endpoint("GET", "/api/articles/" + segment(slug), null),
        () -> new Endpoint("PUT", "/api/articles/" + segment(slug), "article"),
        () -> new Endpoint("DELETE", "/api/articles/" + segment("no-such-" + slug), null),
        () -> new Endpoint(pick("POST", "DELETE"), "/api/articles/" + segment(slug) + "/favorite", null),
        () -> new Endpoint("GET", "/api/articles/" + segment(slug) + "/comments", null),
        () -> new Endpoint("POST", "/api/articles/" + segment(slug) + "/comments", "comment"),
        () -> new Endpoint("DELETE", "/api/articles/" + segment(slug) + "/comments/"
            + segment("1"), null),
        () -> new Endpoint("GET", "/api/tags" + query(), null));
  }

  private record Endpoint(String method, String path, String wrapper) {
  }

  Request next() {
    Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size())).get();
    String authorization = random.nextInt(4) == 0
        ? pick(AUTHORIZATIONS)
        : random.nextInt(5) == 0 ? null : "Token " + token;
    String wrapper = endpoint.wrapper() != null ? endpoint.wrapper()
        : random.nextInt(10) == 0 ? pick("user", "article", "comment") : null;
    if (wrapper == null) {
      return new Request("no body", endpoint.method(), endpoint.path(), null, authorization);
    }
    int kind = random.nextInt(12);
    byte[] body = switch (kind) {
      case 0 -> utf8(malformedJson());
      case 1 -> utf8(wrapped(wrapper, wrongTypes(wrapper)).encode());
      case 2 -> utf8(deepNesting());
      case 3 -> utf8(hugeValue(wrapper));
      case 4 -> invalidUtf8(wrapper);
      case 5 -> utf8(duplicateKeys(wrapper));
      case 6 -> utf8(wrapperOfTheWrongShape(wrapper));
      default -> utf8(wrapped(wrapper, nastyFields(wrapper)).encode());
    };
    String name = switch (kind) {
      case 0 -> "malformed JSON";
      case 1 -> "wrong types";
      case 2 -> "deep nesting";
      case 3 -> "huge value";
      case 4 -> "invalid UTF-8";
      case 5 -> "duplicate keys";
      case 6 -> "wrong shape";
      default -> "nasty strings";
    };
    return new Request(name, endpoint.method(), endpoint.path(), body, authorization);
  }

  private String segment(String valid) {
    return switch (random.nextInt(4)) {
      case 0 -> valid;
      case 1 -> pick(PATH_SEGMENTS);
      case 2 -> valid + pick(PATH_SEGMENTS);
      default -> URLEncoder.encode(pick(NASTY_STRINGS), StandardCharsets.UTF_8).replace("+", "%20");
    };
  }

  private String query() {
    StringBuilder query = new StringBuilder();
    int parameters = random.nextInt(4);
    for (int i = 0; i < parameters; i++) {
      query.append(i == 0 ? '?' : '&')
          .append(pick("limit", "offset", "tag", "author", "favorited", "limit", "offset", "x"))
          .append('=')
          .append(random.nextBoolean() ? pick(QUERY_VALUES)
              : URLEncoder.encode(pick(NASTY_STRINGS), StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  private static String malformedJson() {
    return String.join("", List.of("{\"user\": {\"email\": \"a@b.c\",}}", "{", "}", "[", "\"", "nul",
        "{\"article\": {\"title\": 'single'}}", "{\"a\":1}{\"b\":2}", "{\"user\": NaN}",
        "{\"user\": {\"email\": \"\\x41\"}}", "{\"comment\": {\"body\": \"\\uD800\\u\"}}",
        "\u0000", "{\"user\":\"\n\"}").get(new Random(malformedSeed++).nextInt(13)));
  }

  private static long malformedSeed;

  private JsonObject wrongTypes(String wrapper) {
    JsonObject fields = new JsonObject();
    for (String field : fieldsOf(wrapper)) {
      fields.put(field, pick(List.<Object>of(42, -1.5e308, true, new JsonArray().add("x"),
          new JsonObject().put("$gt", ""), List.of(), 9_223_372_036_854_775_807L)));
    }
    return fields;
  }

  private String deepNesting() {
    int depth = pick(100, 1_001, 10_000, 100_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    return "{\"article\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
  }

  private String hugeValue(String wrapper) {
    JsonObject fields = nastyFields(wrapper);
    String field = pick(fieldsOf(wrapper));
    if (random.nextBoolean()) {
      fields.put(field, "x".repeat(pick(10_000, 100_000, 900_000)));
    } else {
      JsonArray array = new JsonArray();
      for (int i = 0; i < pick(1_000, 50_000); i++) {
        array.add("tag" + i);
      }
      fields.put(wrapper.equals("article") ? "tagList" : field, array);
    }
    return wrapped(wrapper, fields).encode();
  }

  private byte[] invalidUtf8(String wrapper) {
    byte[] prefix = utf8("{\"" + wrapper + "\":{\"" + pick(fieldsOf(wrapper)) + "\":\"");
    byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90,
            (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {0x00}));
    byte[] suffix = utf8("\"}}");
    byte[] body = new byte[prefix.length + bad.length + suffix.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    System.arraycopy(bad, 0, body, prefix.length, bad.length);
    System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
    return body;
  }

  private String duplicateKeys(String wrapper) {
    String field = pick(fieldsOf(wrapper));
    return "{\"" + wrapper + "\":{\"" + field + "\":\"first\",\"" + field + "\":\"second\"},\""
        + wrapper + "\":{\"" + field + "\":\"third\"}}";
  }

  private String wrapperOfTheWrongShape(String wrapper) {
    return pick("[]", "\"" + wrapper + "\"", "42", "null", "{\"" + wrapper + "\":null}",
        "{\"" + wrapper + "\":[]}", "{\"" + wrapper + "\":\"x\"}", "{}", "{\"other\":{}}");
  }

  private JsonObject nastyFields(String wrapper) {
    JsonObject fields = new JsonObject();
    for (String field : fieldsOf(wrapper)) {
      if (random.nextInt(5) == 0) {
        continue;
      }
      if (field.equals("tagList")) {
        JsonArray tags = new JsonArray();
        for (int i = 0; i < random.nextInt(4); i++) {
          tags.add(random.nextInt(3) == 0 ? 7 : pick(NASTY_STRINGS));
        }
        fields.put(field, tags);
      } else if (field.equals("email") && random.nextBoolean()) {
        fields.put(field, "fuzz" + random.nextInt(1_000_000) + "@example.com");
      } else {
        fields.put(field, pick(NASTY_STRINGS));
      }
    }
    return fields;
  }

  private static List<String> fieldsOf(String wrapper) {
    return switch (wrapper) {
      case "user" -> List.of("username", "email", "password", "bio", "image");
      case "article" -> List.of("title", "description", "body", "tagList");
      default -> List.of("body");
    };
  }

  private static JsonObject wrapped(String wrapper, JsonObject fields) {
    return new JsonObject().put(wrapper, fields);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
