package io.realworld.api.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.realworld.api.config.DatabaseUrl;
import io.realworld.api.db.SchemaMigration;
import io.realworld.api.http.Lookalikes;
import io.realworld.api.support.ApiClient;
import io.realworld.api.support.Registrations;
import io.realworld.api.support.TestApp;
import io.realworld.api.support.TestDatabase;
import io.realworld.api.support.TestUsers;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lookalike usernames across scripts (ICU's SpoofChecker): a name that mixes Latin with Cyrillic
 * is a 422; a name that looks like a registered one (the same confusable skeleton) is taken, 409
 * as a duplicate is. Before, a Cyrillic "jаke" and "bam" beside "barn" both registered.
 */
class UsernameLookalikesTest {

  private static final JsonObject TAKEN = new JsonObject().put("errors",
      new JsonObject().put("username", List.of("has already been taken")));

  private final ApiClient api = TestApp.client();

  @Test
  void aNameMixingLatinAndCyrillicIs422() {
    // the second letter is CYRILLIC SMALL LETTER A
    var response = register("j\u0430ke" + ApiClient.unique(""));

    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json()).isEqualTo(new JsonObject().put("errors", new JsonObject()
        .put("username",
            List.of("must not mix scripts that look alike, such as Latin and Cyrillic"))));
  }

  @Test
  void aNameThatLooksLikeARegisteredOneIsTaken() {
    String suffix = ApiClient.unique("");
    assertThat(register("barn" + suffix).status()).isEqualTo(201);

    var response = register("bam" + suffix); // "rn" looks like "m"

    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(TAKEN);
  }

  @Test
  void renamingToALookalikeOfAnotherUserIsTaken() {
    String suffix = ApiClient.unique("");
    assertThat(register("corn" + suffix).status()).isEqualTo(201);
    var other = Registrations.register(api);

    var response = api.withToken(other.token()).put("/api/user", new JsonObject().put("user",
        new JsonObject().put("username", "com" + suffix)));

    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.json()).isEqualTo(TAKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jake", "Jacob", "user_12", "иван", "山田", "Jürgen"})
  void namesInOneScriptStillRegister(String name) {
    // digits belong to every script
    var response = register(name + "_" + (System.nanoTime() % 1_000_000_000L));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  /** A user that was there before the skeletons (seeded by SQL) gets one when the service starts. */
  @Test
  void usersWithoutASkeletonGetOneAtStartAndTheirLookalikesAreTaken() throws SQLException {
    var seeded = TestUsers.create(ApiClient.unique("modern"), null, null);
    assertThat(skeletonOf(seeded.id())).isNull();

    SchemaMigration.fillUsernameSkeletons(DatabaseUrl.parse(TestDatabase.url()), 5);

    assertThat(skeletonOf(seeded.id())).isEqualTo(Lookalikes.skeleton(seeded.username()));
    var response = register(seeded.username().replace("modern", "modem"));
    assertThat(response.status()).as(response.body()).isEqualTo(409);
  }

  private ApiClient.Response register(String username) {
    return api.post("/api/users", Registrations.body(username,
        ApiClient.unique("lookalike") + "@example.com", Registrations.PASSWORD));
  }

  private static String skeletonOf(long id) throws SQLException {
    DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
    try (Connection connection = DriverManager.getConnection(url.jdbcUrl(5), url.user(),
            url.revealPassword());
        PreparedStatement statement = connection.prepareStatement(
            "SELECT username_skeleton FROM users WHERE id = ?")) {
      statement.setLong(1, id);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getString(1);
      }
    }
  }
}
