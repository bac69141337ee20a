package io.cardflow.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerServiceTest {

    private static Posting funding(long minor, String currency) {
        return new Posting("platform", AccountKind.PLATFORM_FUNDING, Money.of(minor, currency));
    }

    private static Posting merchant(long minor, String currency) {
        return new Posting("mer_1", AccountKind.MERCHANT_AVAILABLE, Money.of(minor, currency));
    }

    @Test
    void balancedMultiCurrencyTransactionPasses() {
        assertThatCode(() -> LedgerService.requireBalanced(List.of(
                funding(-5000, "USD"), merchant(3000, "USD"), merchant(2000, "USD"),
                funding(-700, "EUR"), merchant(700, "EUR")))).doesNotThrowAnyException();
    }

    @Test
    void unbalancedCurrencyIsNamed() {
        assertThatThrownBy(() -> LedgerService.requireBalanced(List.of(
                funding(-5000, "USD"), merchant(5000, "USD"), funding(-700, "EUR"), merchant(701, "EUR"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EUR")
                .hasMessageNotContaining("USD");
    }

    @Test
    void amountsInDifferentCurrenciesDoNotOffsetEachOther() {
        assertThatThrownBy(() -> LedgerService.requireBalanced(List.of(funding(-100, "USD"), merchant(100, "EUR"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowingSumThrowsRatherThanWrapping() {
        assertThatThrownBy(() -> LedgerService.requireBalanced(List.of(
                merchant(Long.MAX_VALUE, "USD"), merchant(1, "USD"), funding(Long.MIN_VALUE, "USD"))))
                .isInstanceOf(ArithmeticException.class);
    }
}
