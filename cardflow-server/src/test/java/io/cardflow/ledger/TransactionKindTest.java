package io.cardflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kinds are stored in every ledger transaction written so far: renaming one would orphan the rows of its old name. */
class TransactionKindTest {

    @Test
    void storedNamesNeverChange() {
        assertThat(Arrays.stream(TransactionKind.values()).map(TransactionKind::dbValue))
                .containsExactly("deposit", "topup_reserve", "topup_settle", "topup_release", "card_spend", "card_close",
                        "authorization_hold", "authorization_increment", "authorization_capture", "authorization_reversal",
                        "authorization_expiry", "refund", "force_capture");
    }
}
