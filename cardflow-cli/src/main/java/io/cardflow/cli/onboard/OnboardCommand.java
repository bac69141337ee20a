package io.cardflow.cli.onboard;

import io.cardflow.cli.CardflowCli;
import io.cardflow.cli.CliJson;
import io.cardflow.cli.ExitCodes;
import io.cardflow.cli.UsageException;
import io.cardflow.cli.commands.CustomerOptions;
import io.cardflow.cli.commands.ShippingOptions;
import io.cardflow.sdk.flow.OnboardingIds;
import io.cardflow.sdk.flow.OnboardingRequest;
import io.cardflow.sdk.model.Address;
import io.cardflow.sdk.model.CustomerCreateParams;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "onboard", sortOptions = false,
        description = {"The whole integration guide in one go: create the customer, submit KYC/KYB, wait for the "
                + "decision, issue a card, wait until it is active, top it up and wait until the top-up settles.",
            "A stopped run (timed out, pending review, cancelled) prints the command that resumes it.",
            "To try it with sample data and the demo merchant's key, run `cardflow demo`."},
        footer = {"", "Example: a person (KYC from the same flags) to a virtual card funded with 50.00 USD:",
            "  cardflow onboard --product prod_usd_virtual --first-name Ana --last-name Lopez \\",
            "    --email ana@example.com --date-of-birth 1990-04-01 --line1 '1 Main St' --city Springfield \\",
            "    --postal-code 12345 --country US --document-number X1234567 --document-expiry 2031-01-01 \\",
            "    --top-up-amount 5000 --currency USD",
            "A business: --type business --legal-name 'Acme Ltd' ... --kyb @kyb.json (fields in docs/api.md)."})
public final class OnboardCommand implements Callable<Integer> {

    @ParentCommand
    private CardflowCli cli;

    @Mixin
    private CustomerOptions customer;

    @Option(names = "--customer-id", paramLabel = "CUSTOMER_ID",
            description = "An existing customer (e.g. for a second product) instead of the new customer flags.")
    private String customerId;

    @Option(names = "--product", required = true, paramLabel = "PRODUCT_ID",
            description = "The card product to apply for, e.g. prod_usd_virtual (see `cardflow products list`).")
    private String productId;

    @Mixin
    private KycOptions kyc;

    @Option(names = "--resubmit", description = "Submit corrected KYC/KYB data after a rejection.")
    private boolean resubmit;

    @Option(names = "--name-on-card", description = "Physical cards; virtual ones default to the customer's name.")
    private String nameOnCard;

    @Mixin
    private ShippingOptions shipping;

    @Option(names = "--top-up-amount", paramLabel = "MINOR_UNITS", description = "e.g. 5000 for 50.00 USD; none: no top-up.")
    private Long topUpAmount;

    @Option(names = "--currency", description = "The top-up's currency (ISO 4217), the product's.")
    private String currency;

    @Option(names = "--resume-customer", paramLabel = "CUSTOMER_ID",
            description = "Resume: the customer a stopped run already created.")
    private String resumeCustomer;

    @Option(names = "--resume-card", paramLabel = "CARD_ID",
            description = "Resume: the card a stopped run already issued.")
    private String resumeCard;

    @Option(names = "--resume-topup", paramLabel = "TOPUP_ID",
            description = "Resume: the top-up a stopped run already made (txn_...).")
    private String resumeTopUp;

    @Option(names = "--flow-id", description = "Makes every request's Idempotency-Key: reuse it to resume (default: new).")
    private String flowId;

    @Option(names = "--poll", paramLabel = "sandbox|guide",
            description = "sandbox: short waits; guide: the guide's 30-60 s backoff. Default: sandbox for a local "
                    + "server, else guide.")
    private PollMode poll;

    @Override
    public Integer call() {
        var request = request();
        var outcome = OnboardingRun.run(cli, request, poll);
        OutcomeReport.print(outcome, request, cli.output());
        return ExitCodes.of(outcome);
    }

    /** The flow's request from the flags; everything wrong with them is reported before any call is made. */
    OnboardingRequest request() {
        var existingCustomer = resumeCustomer != null ? resumeCustomer : customerId;
        if (customerId != null && resumeCustomer != null && !customerId.equals(resumeCustomer)) {
            throw new UsageException("--customer-id and --resume-customer name different customers");
        }
        CustomerCreateParams newCustomer = null;
        if (customer.given()) {
            if (existingCustomer != null) {
                throw new UsageException("Give either the new customer's flags or --customer-id, not both");
            }
            newCustomer = CliJson.convert(CliJson.overlay(CliJson.newObject(), customer.fields()),
                    CustomerCreateParams.class);
        } else if (existingCustomer == null) {
            throw new UsageException("Who is the customer? Give --first-name, --last-name, ... for a new one, "
                    + "or --customer-id for an existing one");
        }
        if (topUpAmount != null && currency == null) {
            throw new UsageException("--top-up-amount needs --currency");
        }
        var application = kyc.application(customer);
        if (application == null && newCustomer != null) {
            throw new UsageException(customer.business() ? "A business needs its KYB data: --kyb @file.json"
                    : "KYC needs --document-number and --document-expiry (or --kyc @file.json)");
        }
        try {
            return new OnboardingRequest(flowId != null ? flowId : UUID.randomUUID().toString(), newCustomer, productId,
                    application, resubmit, nameOnCard, shippingAddress(), topUpAmount, currency,
                    resumeIds(existingCustomer));
        } catch (IllegalArgumentException invalid) {
            throw new UsageException(invalid.getMessage());
        }
    }

    private Address shippingAddress() {
        var fields = shipping.fields();
        if (fields.values().stream().allMatch(value -> value == null)) {
            return null;
        }
        return CliJson.convert(CliJson.overlay(CliJson.newObject(), fields), ShippingAddress.class).shippingAddress();
    }

    private OnboardingIds resumeIds(String existingCustomer) {
        if (existingCustomer == null && resumeCard == null && resumeTopUp == null) {
            return null;
        }
        return new OnboardingIds(existingCustomer, null, resumeCard, resumeTopUp);
    }

    /** The shape the {@code shippingAddress.} flag names fill in. */
    private record ShippingAddress(Address shippingAddress) {
    }
}
