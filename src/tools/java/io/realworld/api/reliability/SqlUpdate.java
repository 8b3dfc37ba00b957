package io.realworld.api.reliability;

import io.realworld.api.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * One SQL statement straight against PostgreSQL, for what the API offers no way to do (delete a
 * user, as an operator would): {@code SqlUpdate <DATABASE_URL> <sql> [text parameter...]};
 * prints the number of rows it changed (or the first column of its first row, for a query).
 */
public final class SqlUpdate {

  private SqlUpdate() {
  }

  public static void main(String[] args) throws Exception {
    DatabaseUrl url = DatabaseUrl.parse(args[0]);
    try (Connection db = DriverManager.getConnection(url.jdbcUrl(5), url.user(), url.revealPassword());
        PreparedStatement statement = db.prepareStatement(args[1])) {
      for (int i = 2; i < args.length; i++) {
        statement.setString(i - 1, args[i]);
      }
      if (statement.execute()) {
        try (var rows = statement.getResultSet()) {
          System.out.println(rows.next() ? rows.getString(1) : "");
        }
      } else {
        System.out.println(statement.getUpdateCount());
      }
    }
  }
}
