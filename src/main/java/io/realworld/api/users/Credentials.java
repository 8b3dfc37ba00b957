package io.realworld.api.users;

/** A user with the stored password hash, which never leaves the users package. */
record Credentials(User user, String passwordHash) {

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", passwordHash=<redacted>]";
  }
}
