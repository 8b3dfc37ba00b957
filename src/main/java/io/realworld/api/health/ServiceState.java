package io.realworld.api.health;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What readiness depends on besides the database answering: the schema being current, and the
 * process not draining. Shared by every verticle instance.
 */
public final class ServiceState {

  private final AtomicBoolean schemaReady = new AtomicBoolean();
  private final AtomicBoolean draining = new AtomicBoolean();

  public void markSchemaReady() {
    schemaReady.set(true);
  }

  public boolean schemaReady() {
    return schemaReady.get();
  }

  public void startDraining() {
    draining.set(true);
  }

  public boolean draining() {
    return draining.get();
  }
}
