package io.cardflow.cli;

import io.cardflow.sdk.StubServer;
import static io.cardflow.sdk.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each endpoint's subcommand: the request it makes, and what it prints for people and with --json. */
class CommandsTest {

    record Case(String args, String method, String path, String answer, String humanLine, String jsonField) {
        @Override
        public String toString() {
            return args;
        }
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                new Case("products list", "GET", "/api/v1/products", Fixtures.page(Fixtures.PRODUCT, false),
                        "prod_usd_virtual  USD virtual  USD       individual  virtual", "\"hasMore\" : false"),
                new Case("products get prod_usd_virtual", "GET", "/api/v1/products/prod_usd_virtual",
                        Fixtures.PRODUCT, "top-up minimum:             100 (1.00 USD)", "\"topUpMaximum\" : 500000"),
                new Case("products get prod_usd_controlled", "GET", "/api/v1/products/prod_usd_controlled",
                        Fixtures.PRODUCT_WITH_CONTROLS,
                        "controls:                   limits 100000 monthly; blocked categories 7995 (shadow)",
                        "\"mode\" : \"shadow\""),
                new Case("customers get cus_1", "GET", "/api/v1/customers/cus_1", Fixtures.CUSTOMER,
                        "address:       1 Main St, Springfield, 12345, US", "\"dateOfBirth\" : \"1990-04-01\""),
                new Case("customers list", "GET", "/api/v1/customers", Fixtures.page(Fixtures.CUSTOMER, false),
                        "cus_1        individual  Ana Lopez  ana@example.com  2026-01-02T03:04:05Z",
                        "\"customerId\" : \"cus_1\""),
                new Case("kyc status --customer cus_1 --product prod_usd_virtual", "GET",
                        "/api/v1/customers/cus_1/products/prod_usd_virtual/applicantstatus", Fixtures.APPLICATION,
                        "status:             under_review", "\"status\" : \"UNDER_REVIEW\""),
                new Case("cards get card_1", "GET", "/api/v1/card/card_1", Fixtures.CARD,
                        "balance:     5000 (50.00 USD)", "\"balance\" : 5000"),
                new Case("cards list --customer cus_1", "GET", "/api/v1/customers/cus_1/cards",
                        Fixtures.page(Fixtures.CARD, false),
                        "card_1   prod_usd_virtual  active  4242   5000 (50.00 USD)", "\"last4\" : \"4242\""),
                new Case("cards suspend card_1", "POST", "/api/v1/cards/card_1/suspend", Fixtures.CARD,
                        "state:       active", "\"cardId\" : \"card_1\""),
                new Case("cards reactivate card_1", "POST", "/api/v1/cards/card_1/reactivate", Fixtures.CARD,
                        "card id:     card_1", "\"cardId\" : \"card_1\""),
                new Case("cards close card_1", "POST", "/api/v1/cards/card_1/close", Fixtures.CARD,
                        "card id:     card_1", "\"cardId\" : \"card_1\""),
                new Case("cards controls card_1", "GET", "/api/v1/cards/card_1/controls", Fixtures.CARD_CONTROLS,
                        "limits:             5000 per_transaction, 20000 daily (at most 10)",
                        "\"interval\" : \"per_transaction\""),
                new Case("customers controls cus_1", "GET", "/api/v1/customers/cus_1/controls",
                        Fixtures.NO_CUSTOMER_CONTROLS, "controls:    none", "\"customerId\" : \"cus_1\""),
                new Case("topups get top_1", "GET", "/api/v1/topupstatus/top_1", Fixtures.TOP_UP,
                        "amount:    5000 (50.00 USD)", "\"status\" : \"PENDING\""),
                new Case("topups list --card card_1", "GET", "/api/v1/cards/card_1/topups",
                        Fixtures.page(Fixtures.TOP_UP, false), "top_1      5000 (50.00 USD)  pending",
                        "\"topupId\" : \"top_1\""),
                new Case("balance", "GET", "/api/v1/balance", Fixtures.BALANCE,
                        "USD       100000000 (1000000.00 USD)  5000 (50.00 USD)", "\"available\" : 100000000"),
                new Case("authorizations capture auth_1 --amount 1200 --final", "POST",
                        "/api/v1/simulate/authorizations/auth_1/capture", Fixtures.AUTHORIZATION,
                        "authorization id: auth_1", "\"authorizationId\" : \"auth_1\""),
                new Case("authorizations get auth_1", "GET", "/api/v1/authorizations/auth_1", Fixtures.AUTHORIZATION,
                        "merchant:         Corner Cafe", "\"merchantName\" : \"Corner Cafe\""),
                new Case("authorizations get auth_2", "GET", "/api/v1/authorizations/auth_2",
                        Fixtures.SHADOW_AUTHORIZATION, "shadow decline code: daily_limit_exceeded",
                        "\"shadowDeclineCode\" : \"daily_limit_exceeded\""),
                new Case("authorizations increment auth_1 --amount 300", "POST",
                        "/api/v1/simulate/authorizations/auth_1/increment", Fixtures.AUTHORIZATION,
                        "authorization id: auth_1", "\"authorizationId\" : \"auth_1\""),
                new Case("authorizations reverse auth_1", "POST", "/api/v1/simulate/authorizations/auth_1/reverse",
                        Fixtures.AUTHORIZATION, "authorization id: auth_1", "\"authorizationId\" : \"auth_1\""),
                new Case("authorizations expire auth_1", "POST", "/api/v1/simulate/authorizations/auth_1/expire",
                        Fixtures.AUTHORIZATION, "authorization id: auth_1", "\"authorizationId\" : \"auth_1\""),
                new Case("authorizations refund --card card_1 --amount 400 --currency USD --capture cap_1", "POST",
                        "/api/v1/simulate/refunds", Fixtures.REFUND, "capture id:       cap_1", "\"id\" : \"ref_1\""),
                new Case("authorizations force-capture --card card_1 --amount 700 --currency USD --merchant-name Airline",
                        "POST", "/api/v1/simulate/force-captures", Fixtures.FORCE_CAPTURE, "type:     force_capture",
                        "\"id\" : \"fcap_1\""),
                new Case("cards transactions card_1", "GET", "/api/v1/cards/card_1/transactions",
                        Fixtures.page(Fixtures.CARD_TRANSACTION, false),
                        "ltx_1           authorization_hold  auth_1     0       5000     3800", "\"transactionId\" : \"ltx_1\""),
                new Case("authorizations list --card card_1", "GET", "/api/v1/cards/card_1/authorizations",
                        Fixtures.page(Fixtures.AUTHORIZATION, false),
                        "auth_1            1200 (12.00 USD)  Corner Cafe  declined  insufficient_funds",
                        "\"declineCode\" : \"insufficient_funds\"")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void callsItsEndpointAndPrintsATableOrBlock(Case command) throws Exception {
        try (var server = new StubServer().reply(json(200, command.answer()))) {
            var result = CliRun.against(server, command.args().split(" "));

            assertThat(result.exitCode()).as(result.err()).isZero();
            var request = server.onlyRequest();
            assertThat(request.method()).isEqualTo(command.method());
            assertThat(request.path()).isEqualTo(command.path());
            assertThat(request.header("Authorization")).isEqualTo("Bearer sk_test");
            assertThat(result.out()).contains(command.humanLine()).doesNotContain("{");
        }
    }

    @ParameterizedTest(name = "{0} --json")
    @MethodSource("commands")
    void printsTheAnswerAsJsonWithTheJsonFlag(Case command) throws Exception {
        try (var server = new StubServer().reply(json(200, command.answer()))) {
            var args = Stream.concat(Stream.of(command.args().split(" ")), Stream.of("--json")).toArray(String[]::new);
            var result = CliRun.against(server, args);

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("{").contains(command.jsonField());
        }
    }
}
