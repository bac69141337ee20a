package io.cardflow.cli.onboard;

import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.CustomerCreateParams;
import io.cardflow.sdk.model.DocumentType;
import io.cardflow.sdk.model.HolderType;
import io.cardflow.sdk.model.IdentityDocument;
import io.cardflow.sdk.model.KycParams;
import java.time.LocalDate;
import java.util.UUID;

/** The sample customer {@code demo} onboards: the README's Ana Lopez, whom the sandbox's KYC rules approve. */
final class DemoData {

    static final String PRODUCT = "prod_usd_virtual";
    static final long TOP_UP_AMOUNT = 5000;
    static final String CURRENCY = "USD";

    private DemoData() {
    }

    /** A new customer on every run, so that running it again shows the whole flow again rather than a replay. */
    static OnboardingRequest request() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var dateOfBirth = LocalDate.of(1990, 4, 1);
        var address = Address.builder().line1("1 Main St").city("Springfield").postalCode("12345").country("US")
                .build();
        var customer = CustomerCreateParams.builder().type(HolderType.INDIVIDUAL).firstName("Ana").lastName("Lopez")
                .dateOfBirth(dateOfBirth).email("ana.lopez+" + run + "@example.com").phone("+14155550100")
                .address(address).build();
        // Valid for years from today, whenever the demo runs: an expired passport is rejected.
        var passport = new IdentityDocument(DocumentType.PASSPORT, "X1234567", "US", LocalDate.now().plusYears(5));
        var kyc = KycParams.builder().firstName("Ana").lastName("Lopez").dateOfBirth(dateOfBirth).nationality("US")
                .address(address).identityDocument(passport).build();
        return OnboardingRequest.builder().flowId("demo-" + UUID.randomUUID()).customer(customer).productId(PRODUCT)
                .application(kyc).topUp(TOP_UP_AMOUNT, CURRENCY).build();
    }
}
