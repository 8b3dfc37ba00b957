package io.realworld.api.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.realworld.api.http.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

  @Test
  void defaultsToTwentyFromTheStart() {
    assertThat(Paging.parse(List.of(), List.of())).isEqualTo(new Paging(20, 0));
  }

  @Test
  void acceptsTheBoundaries() {
    assertThat(Paging.parse(List.of("1"), List.of("0"))).isEqualTo(new Paging(1, 0));
    assertThat(Paging.parse(List.of("100"), List.of("10000"))).isEqualTo(new Paging(100, 10_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "", " ", "1e3", "99999999999", "+5"})
  void refusesALimitOutsideOneToOneHundred(String limit) {
    ApiError error = catchThrowableOfType(ApiError.class,
        () -> Paging.parse(List.of(limit), List.of()));
    assertThat(error.status()).isEqualTo(422);
    assertThat(error.errors()).containsOnlyKeys("limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "10001", "x", "2.0"})
  void refusesAnOffsetOutsideZeroToTenThousand(String offset) {
    ApiError error = catchThrowableOfType(ApiError.class,
        () -> Paging.parse(List.of(), List.of(offset)));
    assertThat(error.errors()).containsOnlyKeys("offset");
  }

  @Test
  void reportsBothParametersAtOnce() {
    ApiError error = catchThrowableOfType(ApiError.class,
        () -> Paging.parse(List.of("0"), List.of("-5")));
    assertThat(error.errors()).containsOnlyKeys("limit", "offset");
  }

  @Test
  void refusesARepeatedParameter() {
    ApiError error = catchThrowableOfType(ApiError.class,
        () -> Paging.parse(List.of("5", "6"), List.of()));
    assertThat(error.errors().get("limit")).containsExactly("must be given once");
  }
}
