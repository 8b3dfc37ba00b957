package io.realworld.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {

  private final TrustedProxies proxies =
      TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, 172.16.0.0/12, fd00::/8");

  @ParameterizedTest
  @CsvSource({
      "10.0.0.1, true", "10.255.255.255, true", "11.0.0.1, false", "192.168.1.7, true",
      "192.168.1.8, false", "172.31.255.1, true", "172.32.0.1, false", "fd12::1, true",
      "[fd12::1], true", "fe80::1, false", "::ffff:10.1.2.3, true", "unknown, false",
      "'', false", "localhost, false", "10.0.0, false"})
  void trustsExactlyTheListedAddressesAndBlocks(String address, boolean trusted) {
    assertThat(proxies.trusts(address)).isEqualTo(trusted);
  }

  @Test
  void aPrefixThatIsNotAByteBoundaryComparesOnlyItsBits() {
    TrustedProxies odd = TrustedProxies.parse("100.64.0.0/10");
    assertThat(odd.trusts("100.127.255.255")).isTrue();
    assertThat(odd.trusts("100.128.0.0")).isFalse();
    assertThat(odd.trusts("100.63.255.255")).isFalse();
  }

  @Test
  void noneTrustsNobody() {
    assertThat(TrustedProxies.none().trusts("127.0.0.1")).isFalse();
    assertThat(TrustedProxies.none().isEmpty()).isTrue();
  }
}
