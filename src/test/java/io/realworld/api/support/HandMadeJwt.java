package io.realworld.api.support;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JWTs built by hand, independently of the service's JWT library, to attack it with: other keys,
 * other algorithms, past expiries, subjects of users that do not exist.
 */
public final class HandMadeJwt {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private HandMadeJwt() {
  }

  /** An HS256 token signed with {@code secret}. */
  public static String hs256(JsonObject claims, String secret) {
    String unsigned = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "."
        + encode(claims);
    return unsigned + "." + BASE64URL.encodeToString(hmacSha256(unsigned, secret));
  }

  /** An unsigned token: {@code "alg": "none"} and an empty signature. */
  public static String unsigned(JsonObject claims) {
    return encode(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + encode(claims) + ".";
  }

  /**
   * Claims for {@code userId} at token version 0 (a user who never changed the password), with the
   * service's issuer and audience, expiring {@code secondsFromNow} from now (negative: expired).
   */
  public static JsonObject claims(long userId, long secondsFromNow) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("sub", Long.toString(userId)).put("ver", 0)
        .put("iss", "realworld-api").put("aud", "realworld-conduit").put("iat", now - 60)
        .put("exp", now + secondsFromNow);
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmacSha256(String data, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
