package io.realworld.api.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.Optional;

/** Reading a statement's rows. */
public final class Rows {

  private Rows() {
  }

  /** The first row, or empty when the statement found none. */
  public static Optional<Row> first(RowSet<Row> rows) {
    var iterator = rows.iterator();
    return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
  }
}
