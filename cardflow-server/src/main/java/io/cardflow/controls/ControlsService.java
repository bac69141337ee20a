package io.cardflow.controls;

import io.cardflow.card.CardService;
import io.cardflow.common.ApiException;
import io.cardflow.common.FieldError;
import io.cardflow.common.Ids;
import io.cardflow.common.SpendingControls;
import io.cardflow.customer.CustomerService;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cards' and customers' spending controls: read, and replaced whole by each PUT (an empty object clears them). Each
 * replacement is an event whose objectId is the controls' own id, not the card's: a card's sequence counts only changes
 * of the card, whose events carry the card.
 */
@Service
public class ControlsService {

    private final ControlsRepository controls;
    private final CardService cards;
    private final CustomerService customers;
    private final EventLog events;
    private final Clock clock;

    ControlsService(ControlsRepository controls, CardService cards, CustomerService customers, EventLog events, Clock clock) {
        this.controls = controls;
        this.cards = cards;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    public ControlsResponse getForCard(String merchantId, String cardId) {
        cards.get(merchantId, cardId);
        return current(ControlsOwner.card(cardId));
    }

    public ControlsResponse getForCustomer(String merchantId, String customerId) {
        customers.get(merchantId, customerId);
        return current(ControlsOwner.customer(customerId));
    }

    /** Replaces the card's controls; the card's lock orders this against its authorizations and other replacements. */
    @Transactional
    public ControlsResponse replaceForCard(String merchantId, String cardId, SpendingControls replacement) {
        requireValid(replacement);
        cards.lockOwn(merchantId, cardId);
        return replace(merchantId, ControlsOwner.card(cardId), replacement, EventType.CARD_CONTROLS_UPDATED);
    }

    /** Replaces the customer's controls; the customer's lock orders replacements, and its controls' lock authorizations. */
    @Transactional
    public ControlsResponse replaceForCustomer(String merchantId, String customerId, SpendingControls replacement) {
        requireValid(replacement);
        customers.lockOwn(merchantId, customerId);
        return replace(merchantId, ControlsOwner.customer(customerId), replacement, EventType.CUSTOMER_CONTROLS_UPDATED);
    }

    private ControlsResponse replace(String merchantId, ControlsOwner owner, SpendingControls replacement, EventType type) {
        ControlsResponse before = current(owner);
        ControlsResponse after;
        if (before.controlsId() == null) {
            after = new ControlsResponse(Ids.newId("ctl"), owner.cardId(), owner.customerId(), replacement, clock.instant());
            controls.insert(merchantId, after);
        } else {
            after = new ControlsResponse(before.controlsId(), owner.cardId(), owner.customerId(), replacement, clock.instant());
            controls.update(after);
        }
        events.record(merchantId, type, after.controlsId(), after);
        return after;
    }

    private ControlsResponse current(ControlsOwner owner) {
        return controls.find(owner).orElseGet(() -> ControlsResponse.unset(owner));
    }

    private static void requireValid(SpendingControls replacement) {
        List<FieldError> problems = replacement.problems();
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
