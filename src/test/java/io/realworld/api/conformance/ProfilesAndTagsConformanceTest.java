package io.realworld.api.conformance;

import static io.realworld.api.conformance.Conformance.assertError;
import static io.realworld.api.conformance.Conformance.assertProfileShape;
import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Profiles, following, and the tag list. */
class ProfilesAndTagsConformanceTest {

  private final ApiClient api = Conformance.hurl();
  private final String uid = Conformance.uid();

  // realworld-apps/realworld specs/api/hurl/profiles.hurl
  @Test
  void profileFollowAndUnfollow() {
    ApiClient main = api.withToken(Conformance.register(api, "prof_" + uid));
    String celeb = "celeb_" + uid;
    Conformance.register(api, celeb);
    String path = "/api/profiles/" + celeb;

    assertProfile(api.get(path), celeb, false);
    assertProfile(main.get(path), celeb, false);
    assertProfile(main.post(path + "/follow", null), celeb, true);
    assertProfile(main.delete(path + "/follow"), celeb, false);
    assertProfile(main.get(path), celeb, false);
  }

  // realworld-apps/realworld specs/api/hurl/errors_profiles.hurl
  @Test
  void profileErrors() {
    // 401 only where auth is required; where it is optional (the GETs), a bad token reads as
    // anonymous: SpecConformanceTest#badTokensAreServedAsAnonymousWhereAuthIsOptional
    String unknown = "/api/profiles/unknown-user-" + uid;
    assertError(api.get(unknown), 404, "profile", "not found");
    assertError(api.post(unknown + "/follow", null), 401, "token", "is missing");
    assertError(api.delete(unknown + "/follow"), 401, "token", "is missing");

    ApiClient user = api.withToken(Conformance.register(api, "ep_" + uid));
    assertError(user.post(unknown + "/follow", null), 404, "profile", "not found");
    assertError(user.delete(unknown + "/follow"), 404, "profile", "not found");
  }

  // realworld-apps/realworld specs/api/hurl/tags.hurl: every tag in use is listed, also a new,
  // rarely used one (a "top N" list would drop it in a busy database)
  @Test
  void tagsListEveryTagInUse() {
    ApiClient user = api.withToken(Conformance.register(api, "tag_" + uid));
    String slug = Conformance.createArticle(user, "Tag Article " + uid, "h_" + uid, "t_" + uid);

    var response = api.get("/api/tags");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactly("tags");
    assertThat(response.json().getJsonArray("tags").getList())
        .contains("h_" + uid, "t_" + uid)
        .allSatisfy(tag -> assertThat(tag).isInstanceOf(String.class));
    assertThat(user.delete("/api/articles/" + slug).status()).isEqualTo(204);
  }

  private static void assertProfile(ApiClient.Response response, String username,
      boolean following) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactly("profile");
    JsonObject profile = response.json().getJsonObject("profile");
    assertProfileShape(profile);
    assertThat(profile.getString("username")).isEqualTo(username);
    assertThat(profile.getValue("bio")).isNull();
    assertThat(profile.getValue("image")).isNull();
    assertThat(profile.getBoolean("following")).isEqualTo(following);
  }
}
