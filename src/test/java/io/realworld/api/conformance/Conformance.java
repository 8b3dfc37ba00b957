package io.realworld.api.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.support.ApiClient;
import io.realworld.api.support.TestApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What the public RealWorld API suites send and check, as Java: the Hurl files of
 * realworld-apps/realworld (specs/api/hurl/*.hurl, earlier api/hurl/*.hurl), the Postman
 * collection of gothinkster/realworld (api/Conduit.postman_collection.json, run by
 * api/run-api-tests.sh), and the response schemas of spec v2.0.0. The suites share one database
 * with every other test, so each run names its users with a fresh {@link #uid()}, as Hurl's
 * {@code {{uid}}} does.
 */
final class Conformance {

  /** Hurl: {@code matches "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"}. */
  static final String HURL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}.*";
  /** Postman: "property is an ISO 8601 timestamp" (fraction digits required). */
  static final String POSTMAN_ISO_8601 =
      "^\\d{4,}-[01]\\d-[0-3]\\dT[0-2]\\d:[0-5]\\d:[0-5]\\d.\\d+(?:[+-][0-2]\\d:[0-5]\\d|Z)$";
  /** The spec's date-time, as the RealWorld demo backend writes it: UTC with milliseconds. */
  static final String ISO_MILLIS_UTC = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

  static final String PASSWORD = "password123";

  private Conformance() {
  }

  /** Hurl sends bare requests; a JSON body gets {@code Content-Type: application/json}. */
  static ApiClient hurl() {
    return TestApp.client();
  }

  /**
   * The Postman collection sends {@code Content-Type: application/json} and
   * {@code X-Requested-With: XMLHttpRequest} on every request, also on GET and DELETE with an
   * empty raw body.
   */
  static ApiClient postman() {
    return TestApp.client()
        .withHeader("Content-Type", "application/json")
        .withHeader("X-Requested-With", "XMLHttpRequest");
  }

  static String uid() {
    return ApiClient.unique("");
  }

  static JsonObject user(String username, String email, String password) {
    return new JsonObject().put("user", new JsonObject()
        .put("username", username).put("email", email).put("password", password));
  }

  static JsonObject wrap(String wrapper, Object... fieldsAndValues) {
    JsonObject fields = new JsonObject();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      fields.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return new JsonObject().put(wrapper, fields);
  }

  static JsonArray tags(String... tags) {
    return new JsonArray(List.of((Object[]) tags));
  }

  /** Registers {@code <prefix>_<uid>} with {@code <prefix>_<uid>@test.com}; returns the token. */
  static String register(ApiClient api, String username) {
    ApiClient.Response response =
        api.post("/api/users", user(username, username + "@test.com", PASSWORD));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().getJsonObject("user").getString("token");
  }

  /** Creates an article and returns its slug. */
  static String createArticle(ApiClient author, String title, String... tags) {
    ApiClient.Response response = author.post("/api/articles", wrap("article",
        "title", title, "description", "About " + title, "body", "Body of " + title,
        "tagList", tags(tags)));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().getJsonObject("article").getString("slug");
  }

  /** {@code HTTP <status>} and {@code jsonpath "$.errors.<field>[0]" == "<message>"}. */
  static void assertError(ApiClient.Response response, int status, String field, String message) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("content-type")).startsWith("application/json");
    JsonObject errors = response.json().getJsonObject("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.getJsonArray(field)).as(response.body()).isNotNull();
    assertThat(errors.getJsonArray(field).getValue(0)).isEqualTo(message);
  }

  /** Spec GenericErrorModel: {@code errors} is an object whose values are arrays of strings. */
  static void assertErrorModel(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("content-type")).as(response.body()).startsWith("application/json");
    JsonObject errors = response.json().getJsonObject("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.fieldNames()).isNotEmpty();
    for (Map.Entry<String, Object> entry : errors) {
      assertThat(entry.getValue()).as(entry.getKey()).isInstanceOf(JsonArray.class);
      assertThat(((JsonArray) entry.getValue()).getList()).isNotEmpty()
          .allSatisfy(message -> assertThat(message).isInstanceOf(String.class));
    }
  }

  /** Spec User: required bio, email, image, token, username; bio and image string or null. */
  static JsonObject assertUser(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.json().fieldNames()).containsExactly("user");
    JsonObject user = response.json().getJsonObject("user");
    assertThat(user.fieldNames())
        .containsExactlyInAnyOrder("email", "token", "username", "bio", "image");
    assertThat(user.getValue("email")).isInstanceOf(String.class);
    assertThat(user.getValue("username")).isInstanceOf(String.class);
    assertThat(user.getString("token")).isNotEmpty();
    assertNullableString(user, "bio");
    assertNullableString(user, "image");
    return user;
  }

  /** Spec Profile: required bio, following, image, username. */
  static void assertProfileShape(JsonObject profile) {
    assertThat(profile.fieldNames())
        .containsExactlyInAnyOrder("username", "bio", "image", "following");
    assertThat(profile.getValue("username")).isInstanceOf(String.class);
    assertThat(profile.getValue("following")).isInstanceOf(Boolean.class);
    assertNullableString(profile, "bio");
    assertNullableString(profile, "image");
  }

  /** Spec Article (single): every field required, {@code body} included. */
  static void assertArticleShape(JsonObject article) {
    assertThat(article.fieldNames()).containsExactlyInAnyOrder("slug", "title", "description",
        "body", "tagList", "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
    assertThat(article.getValue("body")).isInstanceOf(String.class);
    assertSummaryFields(article);
  }

  /** Spec MultipleArticlesResponse item: the article without {@code body} (Hurl: not exists). */
  static void assertListItemShape(JsonObject article) {
    assertThat(article.fieldNames()).containsExactlyInAnyOrder("slug", "title", "description",
        "tagList", "createdAt", "updatedAt", "favorited", "favoritesCount", "author");
    assertSummaryFields(article);
  }

  /** Spec MultipleArticlesResponse: {@code articles} and an integer {@code articlesCount}. */
  static JsonArray assertArticleList(ApiClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().fieldNames()).containsExactlyInAnyOrder("articles", "articlesCount");
    assertInteger(response.json(), "articlesCount");
    JsonArray articles = response.json().getJsonArray("articles");
    articles.forEach(item -> assertListItemShape((JsonObject) item));
    return articles;
  }

  /** Spec Comment: required author, body, createdAt, id (integer), updatedAt. */
  static void assertCommentShape(JsonObject comment) {
    assertThat(comment.fieldNames())
        .containsExactlyInAnyOrder("id", "body", "createdAt", "updatedAt", "author");
    assertInteger(comment, "id");
    assertThat(comment.getValue("body")).isInstanceOf(String.class);
    assertTimestamp(comment.getString("createdAt"));
    assertTimestamp(comment.getString("updatedAt"));
    assertProfileShape(comment.getJsonObject("author"));
  }

  static void assertInteger(JsonObject object, String field) {
    assertThat(object.getValue(field)).as(field).isInstanceOfAny(Integer.class, Long.class);
  }

  /** Every timestamp passes Hurl's and Postman's patterns and the milliseconds rule above. */
  static void assertTimestamp(String value) {
    assertThat(value).matches(HURL_DATE_TIME).matches(POSTMAN_ISO_8601).matches(ISO_MILLIS_UTC);
  }

  private static void assertSummaryFields(JsonObject article) {
    assertThat(article.getValue("slug")).isInstanceOf(String.class);
    assertThat(article.getValue("title")).isInstanceOf(String.class);
    assertThat(article.getValue("description")).isInstanceOf(String.class);
    assertThat(article.getValue("tagList")).isInstanceOf(JsonArray.class);
    assertThat(article.getJsonArray("tagList").getList())
        .allSatisfy(tag -> assertThat(tag).isInstanceOf(String.class));
    assertTimestamp(article.getString("createdAt"));
    assertTimestamp(article.getString("updatedAt"));
    assertThat(article.getValue("favorited")).isInstanceOf(Boolean.class);
    assertInteger(article, "favoritesCount");
    assertProfileShape(article.getJsonObject("author"));
  }

  private static void assertNullableString(JsonObject object, String field) {
    assertThat(object.containsKey(field)).as(field + " present").isTrue();
    Object value = object.getValue(field);
    if (value != null) {
      assertThat(value).as(field).isInstanceOf(String.class);
    }
  }
}
