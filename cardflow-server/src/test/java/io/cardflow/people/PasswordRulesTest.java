package io.cardflow.people;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardflow.common.ApiException;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    private static final String EMAIL = "ada.lovelace@example.com";

    @Test
    void twelveToOneHundredTwentyEightCharactersThatAreNotTheEmailPass() {
        assertThatCode(() -> PasswordRules.check("twelve chars", EMAIL)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("x".repeat(128), EMAIL)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("🔑".repeat(12), EMAIL)).as("characters, not UTF-16 units").doesNotThrowAnyException();
    }

    @Test
    void shortLongAndEmailPasswordsAreRefusedNamingTheRule() {
        assertThatThrownBy(() -> PasswordRules.check("eleven char", EMAIL)).isInstanceOf(ApiException.class)
                .hasMessage("password: must be at least 12 characters long");
        assertThatThrownBy(() -> PasswordRules.check("x".repeat(129), EMAIL)).hasMessage("password: must be at most 128 characters long");
        assertThatThrownBy(() -> PasswordRules.check("Ada.Lovelace@Example.com", EMAIL)).hasMessage("password: must not be your e-mail address");
        assertThatThrownBy(() -> PasswordRules.check("ada.lovelace", EMAIL)).hasMessage("password: must not be your e-mail address");
        assertThatThrownBy(() -> PasswordRules.check(null, EMAIL)).isInstanceOf(ApiException.class);
    }
}
