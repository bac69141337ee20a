package io.cardflow.controls;

import static io.cardflow.controls.ControlDecline.CATEGORY_BLOCKED;
import static io.cardflow.controls.ControlDecline.COUNTRY_BLOCKED;
import static io.cardflow.controls.ControlDecline.DAILY_COUNT_EXCEEDED;
import static io.cardflow.controls.ControlDecline.DAILY_LIMIT_EXCEEDED;
import static io.cardflow.controls.ControlDecline.TRANSACTION_LIMIT_EXCEEDED;
import static io.cardflow.controls.ControlDecline.WEEKLY_LIMIT_EXCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.common.Money;
import io.cardflow.common.SpendingControls;
import io.cardflow.common.SpendingControls.Interval;
import io.cardflow.common.SpendingControls.Mode;
import io.cardflow.common.SpendingControls.SpendingLimit;
import io.cardflow.controls.ControlsEvaluation.Level;
import io.cardflow.controls.ControlsOutcome.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ControlsEvaluationTest {

    private static final Usage NOTHING_SPENT = Usage.NONE;

    @Test
    void noControlsLetEverythingPass() {
        assertThat(evaluate(SpendingControls.NONE, SpendingControls.NONE, SpendingControls.NONE, purchase(1_000_000, null, null)))
                .isEqualTo(ControlsOutcome.PASSED);
    }

    @Test
    void allowedCategoriesPassOnlyTheirCodesAndNotAPurchaseWithoutOne() {
        SpendingControls controls = controls(List.of(), List.of("5411", "5812"), List.of(), List.of(), List.of());
        assertThat(declineOf(controls, purchase(100, "5812", null))).isNull();
        assertThat(declineOf(controls, purchase(100, "7995", null))).isEqualTo(CATEGORY_BLOCKED);
        assertThat(declineOf(controls, purchase(100, null, null))).as("no MCC cannot be shown to be allowed")
                .isEqualTo(CATEGORY_BLOCKED);
    }

    @Test
    void blockedCategoriesDeclineTheirCodesOnly() {
        SpendingControls controls = controls(List.of(), List.of(), List.of("7995"), List.of(), List.of());
        assertThat(declineOf(controls, purchase(100, "7995", null))).isEqualTo(CATEGORY_BLOCKED);
        assertThat(declineOf(controls, purchase(100, "5812", null))).isNull();
        assertThat(declineOf(controls, purchase(100, null, null))).isNull();
    }

    @Test
    void allowedCountriesPassOnlyTheirCountriesAndNotAPurchaseWithoutOne() {
        SpendingControls controls = controls(List.of(), List.of(), List.of(), List.of("US", "CA"), List.of());
        assertThat(declineOf(controls, purchase(100, null, "CA"))).isNull();
        assertThat(declineOf(controls, purchase(100, null, "DE"))).isEqualTo(COUNTRY_BLOCKED);
        assertThat(declineOf(controls, purchase(100, null, null))).isEqualTo(COUNTRY_BLOCKED);
    }

    @Test
    void blockedCountriesDeclineTheirCountriesOnly() {
        SpendingControls controls = controls(List.of(), List.of(), List.of(), List.of(), List.of("KP"));
        assertThat(declineOf(controls, purchase(100, null, "KP"))).isEqualTo(COUNTRY_BLOCKED);
        assertThat(declineOf(controls, purchase(100, null, "US"))).isNull();
        assertThat(declineOf(controls, purchase(100, null, null))).isNull();
    }

    @Test
    void aPerTransactionLimitAllowsItsAmountAndNotOneMore() {
        SpendingControls controls = limits(new SpendingLimit(5_000L, Interval.PER_TRANSACTION, null));
        assertThat(declineOf(controls, purchase(5_000, null, null))).isNull();
        assertThat(declineOf(controls, purchase(5_001, null, null))).isEqualTo(TRANSACTION_LIMIT_EXCEEDED);
    }

    @ParameterizedTest
    @EnumSource(value = Interval.class, names = "PER_TRANSACTION", mode = EnumSource.Mode.EXCLUDE)
    void anIntervalLimitCountsWhatWasSpentInItPlusThePurchase(Interval interval) {
        SpendingControls controls = limits(new SpendingLimit(10_000L, interval, null));
        Usage spent = spentIn(interval, new Spend(7_000, 3));
        assertThat(ControlsEvaluation.firstDecline(controls, spent, purchase(3_000, null, null))).isNull();
        assertThat(ControlsEvaluation.firstDecline(controls, spent, purchase(3_001, null, null)))
                .isEqualTo(ControlDecline.amountExceeded(interval));
        assertThat(ControlsEvaluation.firstDecline(controls, NOTHING_SPENT, purchase(3_001, null, null)))
                .as("spend of other intervals does not count").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Interval.class, names = "PER_TRANSACTION", mode = EnumSource.Mode.EXCLUDE)
    void aCountLimitAllowsThatManyPurchasesInTheInterval(Interval interval) {
        SpendingControls controls = limits(new SpendingLimit(1_000_000L, interval, 3));
        assertThat(ControlsEvaluation.firstDecline(controls, spentIn(interval, new Spend(200, 2)), purchase(100, null, null)))
                .isNull();
        assertThat(ControlsEvaluation.firstDecline(controls, spentIn(interval, new Spend(300, 3)), purchase(100, null, null)))
                .isEqualTo(ControlDecline.countExceeded(interval));
    }

    @Test
    void limitsNearTheLargestAmountDoNotOverflow() {
        SpendingControls controls = limits(new SpendingLimit(1_000_000_000_000L, Interval.LIFETIME, null));
        Usage huge = new Usage(Spend.NONE, Spend.NONE, Spend.NONE, new Spend(Long.MAX_VALUE - 10, 5));
        assertThat(ControlsEvaluation.firstDecline(controls, huge, purchase(1_000_000_000_000L, null, null)))
                .isEqualTo(ControlDecline.LIFETIME_LIMIT_EXCEEDED);
    }

    @Test
    void severalFailingControlsDeclineWithTheFirstInTheDocumentedOrder() {
        SpendingControls everything = new SpendingControls(List.of(
                new SpendingLimit(1_000L, Interval.WEEKLY, null),
                new SpendingLimit(1_000L, Interval.DAILY, 1),
                new SpendingLimit(100L, Interval.PER_TRANSACTION, null)),
                List.of(), List.of("7995"), List.of(), List.of("KP"), Mode.ENFORCE);
        Usage spent = new Usage(new Spend(900, 1), new Spend(900, 1), Spend.NONE, Spend.NONE);
        assertThat(ControlsEvaluation.firstDecline(everything, spent, purchase(500, "7995", "KP"))).isEqualTo(CATEGORY_BLOCKED);
        assertThat(ControlsEvaluation.firstDecline(everything, spent, purchase(500, "5812", "KP"))).isEqualTo(COUNTRY_BLOCKED);
        assertThat(ControlsEvaluation.firstDecline(everything, spent, purchase(500, "5812", "US")))
                .isEqualTo(TRANSACTION_LIMIT_EXCEEDED);
        SpendingControls intervals = limits(new SpendingLimit(1_000L, Interval.WEEKLY, null),
                new SpendingLimit(1_000L, Interval.DAILY, 1));
        assertThat(ControlsEvaluation.firstDecline(intervals, spent, purchase(500, null, null)))
                .as("the day's amount before its count, the day before the week").isEqualTo(DAILY_LIMIT_EXCEEDED);
        assertThat(ControlsEvaluation.firstDecline(intervals, spent, purchase(50, null, null))).isEqualTo(DAILY_COUNT_EXCEEDED);
        assertThat(ControlsEvaluation.firstDecline(limits(new SpendingLimit(1_000L, Interval.WEEKLY, null)), spent,
                purchase(500, null, null))).isEqualTo(WEEKLY_LIMIT_EXCEEDED);
    }

    @Test
    void everyLevelAppliesSoTheMostRestrictiveWins() {
        SpendingControls product = limits(new SpendingLimit(10_000L, Interval.PER_TRANSACTION, null));
        SpendingControls customer = limits(new SpendingLimit(5_000L, Interval.PER_TRANSACTION, null));
        SpendingControls card = limits(new SpendingLimit(8_000L, Interval.PER_TRANSACTION, null));
        assertThat(evaluate(product, customer, card, purchase(6_000, null, null)).decline())
                .isEqualTo(new Finding(TRANSACTION_LIMIT_EXCEEDED, ControlLevel.CUSTOMER));
        assertThat(evaluate(product, customer, card, purchase(5_000, null, null))).isEqualTo(ControlsOutcome.PASSED);
        assertThat(evaluate(product, SpendingControls.NONE, card, purchase(9_000, null, null)).decline())
                .isEqualTo(new Finding(TRANSACTION_LIMIT_EXCEEDED, ControlLevel.CARD));
        assertThat(evaluate(product, SpendingControls.NONE, SpendingControls.NONE, purchase(10_001, null, null)).decline())
                .isEqualTo(new Finding(TRANSACTION_LIMIT_EXCEEDED, ControlLevel.PRODUCT));
    }

    @Test
    void aLevelThatAllowsACategoryDoesNotUnblockItOnAnother() {
        SpendingControls product = controls(List.of(), List.of(), List.of("7995"), List.of(), List.of());
        SpendingControls card = controls(List.of(), List.of("7995", "5812"), List.of(), List.of(), List.of());
        assertThat(evaluate(product, SpendingControls.NONE, card, purchase(100, "7995", null)).decline())
                .isEqualTo(new Finding(CATEGORY_BLOCKED, ControlLevel.PRODUCT));
        assertThat(evaluate(product, SpendingControls.NONE, card, purchase(100, "5812", null))).isEqualTo(ControlsOutcome.PASSED);
    }

    @Test
    void theEarliestRankDeclinesWhicheverLevelItIsOnAndAtEqualRankTheFirstLevel() {
        SpendingControls product = limits(new SpendingLimit(100L, Interval.DAILY, null));
        SpendingControls card = controls(List.of(), List.of(), List.of(), List.of(), List.of("KP"));
        assertThat(evaluate(product, SpendingControls.NONE, card, purchase(500, null, "KP")).decline())
                .isEqualTo(new Finding(COUNTRY_BLOCKED, ControlLevel.CARD));
        assertThat(evaluate(product, product, product, purchase(500, null, null)).decline())
                .isEqualTo(new Finding(DAILY_LIMIT_EXCEEDED, ControlLevel.PRODUCT));
    }

    @Test
    void customerLimitsCountTheCustomersSpendAndCardLimitsTheCards() {
        SpendingControls daily = limits(new SpendingLimit(10_000L, Interval.DAILY, null));
        Usage cardSpent = spentIn(Interval.DAILY, new Spend(1_000, 1));
        Usage customerSpent = spentIn(Interval.DAILY, new Spend(9_000, 4));
        Purchase purchase = purchase(2_000, null, null);
        assertThat(ControlsEvaluation.evaluate(List.of(new Level(ControlLevel.CUSTOMER, daily, customerSpent),
                new Level(ControlLevel.CARD, SpendingControls.NONE, cardSpent)), purchase).decline())
                .isEqualTo(new Finding(DAILY_LIMIT_EXCEEDED, ControlLevel.CUSTOMER));
        assertThat(ControlsEvaluation.evaluate(List.of(new Level(ControlLevel.CUSTOMER, SpendingControls.NONE, customerSpent),
                new Level(ControlLevel.CARD, daily, cardSpent)), purchase)).isEqualTo(ControlsOutcome.PASSED);
    }

    @Test
    void shadowControlsNeverDeclineButReportTheDeclineTheyWouldMake() {
        SpendingControls shadow = shadow(limits(new SpendingLimit(1_000L, Interval.PER_TRANSACTION, null)));
        ControlsOutcome outcome = evaluate(SpendingControls.NONE, SpendingControls.NONE, shadow, purchase(2_000, null, null));
        assertThat(outcome.decline()).isNull();
        assertThat(outcome.shadowDecline()).isEqualTo(new Finding(TRANSACTION_LIMIT_EXCEEDED, ControlLevel.CARD));
        assertThat(evaluate(SpendingControls.NONE, SpendingControls.NONE, shadow, purchase(1_000, null, null)))
                .isEqualTo(ControlsOutcome.PASSED);
    }

    @Test
    void anEnforcedDeclineWinsAndLeavesNoShadowDecline() {
        SpendingControls enforced = controls(List.of(), List.of(), List.of("7995"), List.of(), List.of());
        SpendingControls shadow = shadow(limits(new SpendingLimit(1_000L, Interval.PER_TRANSACTION, null)));
        assertThat(evaluate(shadow, enforced, SpendingControls.NONE, purchase(2_000, "7995", null)))
                .isEqualTo(new ControlsOutcome(new Finding(CATEGORY_BLOCKED, ControlLevel.CUSTOMER), null));
        assertThat(evaluate(shadow, enforced, SpendingControls.NONE, purchase(2_000, "5812", null)))
                .isEqualTo(new ControlsOutcome(null, new Finding(TRANSACTION_LIMIT_EXCEEDED, ControlLevel.PRODUCT)));
    }

    @Test
    void shadowLevelsReportTheirFirstDeclineInTheSameOrder() {
        SpendingControls product = shadow(limits(new SpendingLimit(1_000L, Interval.DAILY, null)));
        SpendingControls card = shadow(controls(List.of(), List.of(), List.of("7995"), List.of(), List.of()));
        assertThat(evaluate(product, SpendingControls.NONE, card, purchase(2_000, "7995", null)).shadowDecline())
                .isEqualTo(new Finding(CATEGORY_BLOCKED, ControlLevel.CARD));
    }

    private static ControlsOutcome evaluate(SpendingControls product, SpendingControls customer, SpendingControls card,
                                            Purchase purchase) {
        return ControlsEvaluation.evaluate(List.of(new Level(ControlLevel.PRODUCT, product, NOTHING_SPENT),
                new Level(ControlLevel.CUSTOMER, customer, NOTHING_SPENT),
                new Level(ControlLevel.CARD, card, NOTHING_SPENT)), purchase);
    }

    private static ControlDecline declineOf(SpendingControls controls, Purchase purchase) {
        return ControlsEvaluation.firstDecline(controls, NOTHING_SPENT, purchase);
    }

    private static Purchase purchase(long amount, String mcc, String country) {
        return new Purchase(Money.of(amount, "USD"), mcc, country);
    }

    private static SpendingControls limits(SpendingLimit... limits) {
        return new SpendingControls(List.of(limits), null, null, null, null, null);
    }

    private static SpendingControls controls(List<SpendingLimit> limits, List<String> allowedCategories,
                                             List<String> blockedCategories, List<String> allowedCountries,
                                             List<String> blockedCountries) {
        return new SpendingControls(limits, allowedCategories, blockedCategories, allowedCountries, blockedCountries, null);
    }

    private static SpendingControls shadow(SpendingControls controls) {
        return new SpendingControls(controls.spendingLimits(), controls.allowedCategories(), controls.blockedCategories(),
                controls.allowedCountries(), controls.blockedCountries(), Mode.SHADOW);
    }

    private static Usage spentIn(Interval interval, Spend spend) {
        return switch (interval) {
            case PER_TRANSACTION -> throw new IllegalArgumentException();
            case DAILY -> new Usage(spend, Spend.NONE, Spend.NONE, Spend.NONE);
            case WEEKLY -> new Usage(Spend.NONE, spend, Spend.NONE, Spend.NONE);
            case MONTHLY -> new Usage(Spend.NONE, Spend.NONE, spend, Spend.NONE);
            case LIFETIME -> new Usage(Spend.NONE, Spend.NONE, Spend.NONE, spend);
        };
    }
}
