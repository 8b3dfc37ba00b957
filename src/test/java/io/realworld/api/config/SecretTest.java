package io.realworld.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  private record Holder(String name, Secret password) {
  }

  @Test
  void itsToStringIsAFixedRedactionWhateverItHolds() {
    assertThat(new Secret("hunter22")).hasToString("***");
    assertThat(new Secret("")).hasToString("***");
  }

  @Test
  void aRecordHoldingOneKeepsItsOwnToStringAndShowsNoSecret() {
    assertThat(new Holder("jake", new Secret("hunter22")))
        .hasToString("Holder[name=jake, password=***]");
  }

  @Test
  void itsValueIsWhatItWasGiven() {
    assertThat(new Secret("hunter22").value()).isEqualTo("hunter22");
    assertThat(new Secret("hunter22")).isEqualTo(new Secret("hunter22")).isNotEqualTo(new Secret("x"));
  }

  @Test
  void anAbsentValueIsAnAbsentSecretNeverAnEmptyOne() {
    assertThat(Secret.of(null)).isNull();
    assertThat(Secret.of("s").value()).isEqualTo("s");
    assertThatThrownBy(() -> new Secret(null)).isInstanceOf(NullPointerException.class);
  }
}
