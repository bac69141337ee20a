package io.cardflow.card;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.common.Address;
import io.cardflow.common.HolderType;
import io.cardflow.customer.Customer;
import org.junit.jupiter.api.Test;

class CardServiceTest {

    @Test
    void defaultNameOnCardIsTheCustomersNameAsACardCanCarryIt() {
        assertThat(CardService.embossableName(person("José", "García-López"))).isEqualTo("JOSE GARCIA-LOPEZ");
        assertThat(CardService.embossableName(person("Maximilian Alexander", "Wolfeschlegelsteinhausen")))
                .isEqualTo("MAXIMILIAN ALEXANDER WOLFE").hasSizeLessThanOrEqualTo(26);
        assertThat(CardService.embossableName(person("王", "小明"))).isEqualTo("CARDHOLDER");
        assertThat(CardService.embossableName(new Customer("cus_x", HolderType.BUSINESS, null, null, "Ørsted & Co. A/S",
                "a@b.co", null, null, address(), null))).isEqualTo("ORSTED CO. AS");
    }

    private static Customer person(String first, String last) {
        return new Customer("cus_x", HolderType.INDIVIDUAL, first, last, null, "a@b.co", null, null, address(), null);
    }

    private static Address address() {
        return new Address("1 Main St", null, "Springfield", null, "12345", "US");
    }
}
