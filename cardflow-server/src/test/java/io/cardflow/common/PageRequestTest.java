package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void defaultsToTenWithoutCursor() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(10, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 50, 100})
    void acceptsLimitsInRange(int limit) {
        assertThat(PageRequest.of(String.valueOf(limit), "cus_x")).isEqualTo(new PageRequest(limit, "cus_x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "101", "2147483648", "abc", "", "1.5", " 5"})
    void rejectsLimitOutOfRangeOrNotAnInteger(String limit) {
        assertInvalid(limit, null, "limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "cus_\u0000", "cus_\u0001", "cus_\u20ac", "cus x", "cus_';--"})
    void rejectsCursorThatCannotBeAnId(String startingAfter) {
        assertInvalid(null, startingAfter, "startingAfter");
    }

    private static void assertInvalid(String limit, String startingAfter, String field) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> PageRequest.of(limit, startingAfter));
        assertThat(e).as("PageRequest.of(%s, %s) must be refused", limit, startingAfter).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly(field);
    }
}
