package io.realworld.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whichever of the timeout and the write comes first wins, and the other one knows it. */
class WriteGateTest {

  @Test
  void aRequestAbandonedByItsTimeoutCannotWrite() {
    WriteGate gate = new WriteGate();

    assertThat(gate.abandon()).isTrue();
    assertThat(gate.enter()).isFalse();
  }

  @Test
  void aRequestWhoseWriteBeganIsNotAbandoned() {
    WriteGate gate = new WriteGate();

    assertThat(gate.enter()).isTrue();
    assertThat(gate.abandon()).isFalse();
  }
}
