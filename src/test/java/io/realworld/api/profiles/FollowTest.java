package io.realworld.api.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowTest {

  private final ApiClient anonymous = TestApp.client();

  @Test
  void followAnswersTheProfileFollowedAndItStays() {
    var celebrity = Registrations.register(anonymous);
    ApiClient fan = anonymous.withToken(Registrations.register(anonymous).token());

    var response = fan.post(followPath(celebrity.username()), null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json()).isEqualTo(new JsonObject().put("profile", new JsonObject()
        .put("username", celebrity.username()).putNull("bio").putNull("image").put("following", true)));
    assertThat(fan.get("/api/profiles/" + celebrity.username()).json()
        .getJsonObject("profile").getBoolean("following")).isTrue();
  }

  @Test
  void followingTwiceIsStillOneFollow() {
    var celebrity = Registrations.register(anonymous);
    ApiClient fan = anonymous.withToken(Registrations.register(anonymous).token());

    var first = fan.post(followPath(celebrity.username()), null);
    var second = fan.post(followPath(celebrity.username()), null);
    var unfollow = fan.delete(followPath(celebrity.username()));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().getJsonObject("profile").getBoolean("following")).isTrue();
    assertThat(unfollow.json().getJsonObject("profile").getBoolean("following")).isFalse();
    assertThat(fan.get("/api/profiles/" + celebrity.username()).json()
        .getJsonObject("profile").getBoolean("following")).isFalse();
  }

  @Test
  void unfollowAnswersTheProfileNotFollowedAndIsIdempotent() {
    var celebrity = Registrations.register(anonymous);
    ApiClient fan = anonymous.withToken(Registrations.register(anonymous).token());
    fan.post(followPath(celebrity.username()), null);

    var response = fan.delete(followPath(celebrity.username()));
    var again = fan.delete(followPath(celebrity.username()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonObject("profile").getBoolean("following")).isFalse();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().getJsonObject("profile").getBoolean("following")).isFalse();
  }

  @Test
  void followingYourselfIs422() {
    var me = Registrations.register(anonymous);

    var response = anonymous.withToken(me.token()).post(followPath(me.username()), null);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
        new JsonObject().put("profile", List.of("cannot follow yourself"))));
  }

  @Test
  void anUnknownUsernameIs404() {
    ApiClient fan = anonymous.withToken(Registrations.register(anonymous).token());
    String nobody = ApiClient.unique("nobody");

    for (var response : List.of(fan.post(followPath(nobody), null), fan.delete(followPath(nobody)))) {
      assertThat(response.status()).isEqualTo(404);
      assertThat(response.json()).isEqualTo(new JsonObject().put("errors",
          new JsonObject().put("profile", List.of("not found"))));
    }
  }

  @Test
  void withoutATokenIs401() {
    var celebrity = Registrations.register(anonymous);

    for (var response : List.of(anonymous.post(followPath(celebrity.username()), null),
        anonymous.delete(followPath(celebrity.username())))) {
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.json().getJsonObject("errors").getJsonArray("token").getString(0))
          .isEqualTo("is missing");
    }
  }

  private static String followPath(String username) {
    return "/api/profiles/" + username + "/follow";
  }
}
