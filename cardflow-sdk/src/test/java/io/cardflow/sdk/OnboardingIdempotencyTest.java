package io.cardflow.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardflow.sdk.flow.OnboardingRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OnboardingIdempotencyTest extends OnboardingTestBase {

    OnboardingIdempotencyTest() throws IOException {
    }

    @Test
    void everyPostIsKeyedByTheFlowAndItsStep() {
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());

        run(newCustomer().build());

        assertThat(idempotencyKeys()).hasSize(4).satisfies(keys -> {
            assertThat(keys.get(0)).isEqualTo("flow-1:customer");
            assertThat(keys.get(1)).matches("flow-1:application:prod_usd_virtual:1:[0-9a-f]{16}");
            assertThat(keys.get(2)).isEqualTo("flow-1:card:prod_usd_virtual");
            assertThat(keys.get(3)).isEqualTo("flow-1:topup:card_1");
        });
    }

    @Test
    void runningTheSameFlowAgainSendsTheSameKeysSoTheServerReplaysInsteadOfCreating() {
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());
        stub.reply(customerCreated()).reply(fromSubmissionToFunded());

        run(newCustomer().build());
        var first = idempotencyKeys();
        run(newCustomer().build());

        assertThat(idempotencyKeys()).isEqualTo(concat(first, first));
    }

    @Test
    void correctedDataAfterARejectionGetsANewKey() {
        stub.reply(customerCreated(), application("underreview"), application("rejected"));
        stub.reply(application("rejected"), application("underreview", 2), application("rejected", 2));

        run(newCustomer().build());
        run(newCustomer().customerId("cus_1").application(kyc(LocalDate.of(2035, 6, 30))).resubmitApplication(true)
                .build());

        var keys = idempotencyKeys();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(2)).startsWith("flow-1:application:prod_usd_virtual:2:").isNotEqualTo(keys.get(1));
    }

    @Test
    void aNewFlowIdMeansNewKeys() {
        stub.reply(customerCreated(), application("underreview"), application("rejected"));

        run(OnboardingRequest.builder().customer(newCustomer().build().customer()).productId(PRODUCT)
                .application(KYC).build());

        assertThat(idempotencyKeys()).noneMatch(key -> key.startsWith("flow-1:"))
                .allMatch(key -> key.matches("[0-9a-f-]{36}:.+"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
