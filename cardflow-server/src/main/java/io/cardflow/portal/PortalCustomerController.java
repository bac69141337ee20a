package io.cardflow.portal;

import io.cardflow.card.CardResponse;
import io.cardflow.card.CardService;
import io.cardflow.common.PageRequest;
import io.cardflow.customer.Customer;
import io.cardflow.customer.CustomerService;
import io.cardflow.kyc.Application;
import io.cardflow.kyc.ApplicationService;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's customers: a page at a time, newest first as the API lists them, and one customer with their KYC/KYB
 * applications and their cards.
 * Customers' personal data is sealed at rest, so there is no search by name: a person finds a customer by their id.
 */
@Hidden
@Controller
class PortalCustomerController {

    private static final String PAGE_SIZE = "20";

    private final CustomerService customers;
    private final CardService cards;
    private final ApplicationService applications;

    PortalCustomerController(CustomerService customers, CardService cards, ApplicationService applications) {
        this.customers = customers;
        this.cards = cards;
        this.applications = applications;
    }

    record CustomerRow(String id, String name, String email, String createdAt) {
    }

    record CardRow(String id, String maskedPan, String state, String balance, String availableBalance) {
    }

    @GetMapping("/portal/customers")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String id,
                @RequestParam(required = false) String startingAfter, @CookieValue(name = Times.COOKIE, required = false) String timeZone,
                Model model) {
        ZoneId zone = Times.zone(timeZone);
        if (id != null && !id.isBlank()) {
            return "redirect:/portal/customers/" + customers.get(user.merchantId(), id.strip()).customerId();
        }
        var page = customers.list(user.merchantId(), PageRequest.of(PAGE_SIZE, startingAfter));
        List<CustomerRow> rows = page.data().stream()
                .map(customer -> new CustomerRow(customer.customerId(), name(customer), customer.email(), Times.show(customer.createdAt(), zone)))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("customers", rows);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        return "portal/customers";
    }

    @GetMapping("/portal/customers/{customerId}")
    String customer(@AuthenticationPrincipal PortalUser user, @PathVariable String customerId,
                    @RequestParam(required = false) String startingAfter,
                    @CookieValue(name = Times.COOKIE, required = false) String timeZone, Model model) {
        ZoneId zone = Times.zone(timeZone);
        Customer customer = customers.get(user.merchantId(), customerId);
        List<Application> applied = applications.listForCustomer(user.merchantId(), customerId);
        var page = cards.listForCustomer(user.merchantId(), customerId, PageRequest.of(PAGE_SIZE, startingAfter));
        List<CardRow> rows = page.data().stream().map(cards::describe)
                .map(PortalCustomerController::row)
                .toList();
        model.addAttribute("user", user);
        model.addAttribute("customer", customer);
        model.addAttribute("name", name(customer));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("applications", applied.stream()
                .map(application -> PortalApplicationController.row(application, zone)).toList());
        model.addAttribute("cards", rows);
        model.addAttribute("nextCursor", page.hasMore() ? rows.getLast().id() : null);
        return "portal/customer";
    }

    private static CardRow row(CardResponse card) {
        return new CardRow(card.cardId(), card.maskedPan() == null ? "not yet issued" : card.maskedPan(), card.state().wire(),
                Amounts.format(card.balance(), card.currency()), Amounts.format(card.availableBalance(), card.currency()));
    }

    private static String name(Customer customer) {
        return customer.legalName() != null ? customer.legalName() : customer.firstName() + " " + customer.lastName();
    }
}
