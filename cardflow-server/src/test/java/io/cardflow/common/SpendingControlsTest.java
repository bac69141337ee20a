package io.cardflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.common.SpendingControls.Interval;
import io.cardflow.common.SpendingControls.Mode;
import io.cardflow.common.SpendingControls.SpendingLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SpendingControlsTest {

    @Test
    void missingFieldsMeanNoControlsEnforced() {
        SpendingControls none = new SpendingControls(null, null, null, null, null, null);
        assertThat(none).isEqualTo(SpendingControls.NONE);
        assertThat(none.mode()).isEqualTo(Mode.ENFORCE);
        assertThat(none.problems()).isEmpty();
    }

    @Test
    void aFullValidSetHasNoProblems() {
        SpendingControls controls = new SpendingControls(List.of(
                new SpendingLimit(5_000L, Interval.PER_TRANSACTION, null),
                new SpendingLimit(20_000L, Interval.DAILY, 10),
                new SpendingLimit(50_000L, Interval.WEEKLY, null),
                new SpendingLimit(100_000L, Interval.MONTHLY, 100),
                new SpendingLimit(MoneyRequest.MAX_AMOUNT, Interval.LIFETIME, SpendingControls.MAX_COUNT)),
                List.of("5411", "5812"), List.of("7995"), List.of("US", "CA"), List.of("KP"), Mode.SHADOW);
        assertThat(controls.problems()).isEmpty();
        assertThat(controls.hasIntervalLimits()).isTrue();
        assertThat(new SpendingControls(List.of(new SpendingLimit(1L, Interval.PER_TRANSACTION, null)), null, null, null,
                null, null).hasIntervalLimits()).as("per_transaction needs no past spend").isFalse();
    }

    @Test
    void limitsNameTheFieldOfEachProblem() {
        SpendingControls controls = new SpendingControls(Arrays.asList(
                new SpendingLimit(0L, Interval.DAILY, 0),
                new SpendingLimit(null, null, null),
                new SpendingLimit(100L, Interval.DAILY, null),
                new SpendingLimit(100L, Interval.PER_TRANSACTION, 2),
                null), null, null, null, null, null);
        assertThat(controls.problems()).extracting(FieldError::field).containsExactly(
                "spendingLimits[0].amount", "spendingLimits[0].count",
                "spendingLimits[1].amount", "spendingLimits[1].interval",
                "spendingLimits[2].interval",
                "spendingLimits[3].count",
                "spendingLimits[4]");
        assertThat(controls.problems().get(4).message()).contains("only one limit per interval");
        assertThat(controls.problems().get(5).message()).contains("per_transaction");
    }

    @Test
    void amountsAndCountsHaveBounds() {
        assertThat(limit(MoneyRequest.MAX_AMOUNT + 1, Interval.DAILY, null).problems())
                .extracting(FieldError::field).containsExactly("spendingLimits[0].amount");
        assertThat(limit(-5L, Interval.DAILY, null).problems()).extracting(FieldError::field)
                .containsExactly("spendingLimits[0].amount");
        assertThat(limit(100L, Interval.DAILY, SpendingControls.MAX_COUNT + 1).problems()).extracting(FieldError::field)
                .containsExactly("spendingLimits[0].count");
        assertThat(limit(100L, Interval.DAILY, -1).problems()).extracting(FieldError::field)
                .containsExactly("spendingLimits[0].count");
    }

    @Test
    void atMostOneLimitPerInterval() {
        List<SpendingLimit> six = new ArrayList<>();
        for (Interval interval : Interval.values()) {
            six.add(new SpendingLimit(100L, interval, null));
        }
        six.add(new SpendingLimit(100L, Interval.DAILY, null));
        assertThat(new SpendingControls(six, null, null, null, null, null).problems())
                .containsExactly(new FieldError("spendingLimits", "at most 5 limits, one per interval"));
    }

    @Test
    void categoriesAreFourDigitCodesListedOnce() {
        SpendingControls controls = new SpendingControls(null, Arrays.asList("5812", "581", "58a2", null, "5812"),
                List.of("12345"), null, null, null);
        assertThat(controls.problems()).extracting(FieldError::field).containsExactly(
                "allowedCategories[1]", "allowedCategories[2]", "allowedCategories[3]", "allowedCategories[4]",
                "blockedCategories[0]");
        assertThat(controls.problems().get(3).message()).isEqualTo("'5812' is listed twice");
        assertThat(controls.problems().get(0).message()).isEqualTo("must be a 4-digit merchant category code (MCC)");
    }

    @Test
    void countriesAreUpperCaseIsoCodes() {
        SpendingControls controls = new SpendingControls(null, null, null, List.of("US", "us", "XX"), List.of("USA"), null);
        assertThat(controls.problems()).extracting(FieldError::field).containsExactly(
                "allowedCountries[1]", "allowedCountries[2]", "blockedCountries[0]");
    }

    @Test
    void aCodeCannotBeBothAllowedAndBlocked() {
        SpendingControls controls = new SpendingControls(null, List.of("5812", "5411"), List.of("7995", "5411"),
                List.of("US"), List.of("US"), null);
        assertThat(controls.problems()).containsExactly(
                new FieldError("blockedCategories[1]", "'5411' is also in allowedCategories: a code is either allowed or blocked"),
                new FieldError("blockedCountries[0]", "'US' is also in allowedCountries: a code is either allowed or blocked"));
    }

    @Test
    void listsHaveAMaximumSize() {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i <= SpendingControls.MAX_CATEGORIES; i++) {
            categories.add(String.format("%04d", i));
        }
        assertThat(new SpendingControls(null, categories, null, null, null, null).problems())
                .containsExactly(new FieldError("allowedCategories", "at most 500 entries"));
        assertThat(new SpendingControls(null, null, null, null, Collections.nCopies(251, "US"), null).problems())
                .containsExactly(new FieldError("blockedCountries", "at most 250 entries"));
    }

    @Test
    void readsAndWritesTheContractsJson() {
        JsonMapper json = JsonMapper.builder().build();
        SpendingControls read = json.readValue("""
                {"spendingLimits": [{"amount": 5000, "interval": "per_transaction"},
                                    {"amount": 20000, "interval": "daily", "count": 3}],
                 "allowedCategories": ["5812"], "blockedCountries": ["KP"], "mode": "shadow"}""", SpendingControls.class);
        assertThat(read).isEqualTo(new SpendingControls(List.of(new SpendingLimit(5_000L, Interval.PER_TRANSACTION, null),
                new SpendingLimit(20_000L, Interval.DAILY, 3)), List.of("5812"), null, null, List.of("KP"), Mode.SHADOW));
        assertThat(json.readValue(json.writeValueAsString(read), SpendingControls.class)).isEqualTo(read);
        assertThat(json.readValue("{}", SpendingControls.class)).isEqualTo(SpendingControls.NONE);
    }

    private static SpendingControls limit(Long amount, Interval interval, Integer count) {
        return new SpendingControls(List.of(new SpendingLimit(amount, interval, count)), null, null, null, null, null);
    }
}
