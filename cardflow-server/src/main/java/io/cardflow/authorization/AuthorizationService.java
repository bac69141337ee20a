package io.cardflow.authorization;

import io.cardflow.card.Card;
import io.cardflow.card.CardService;
import io.cardflow.common.Ids;
import io.cardflow.controls.ControlsCheck;
import io.cardflow.controls.ControlsOutcome;
import io.cardflow.controls.Purchase;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.ledger.LedgerService;
import io.cardflow.product.ProductCatalog;
import io.cardflow.topup.TopUpService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox card network: a purchase is approved only on an active card that has had an approved top-up, that the
 * spending controls let pass and whose balance covers it (debited at once); otherwise it is declined with a reason, and
 * nothing moves.
 */
@Service
public class AuthorizationService {

    private final AuthorizationRepository authorizations;
    private final CardService cards;
    private final TopUpService topUps;
    private final ProductCatalog products;
    private final LedgerService ledger;
    private final Clock clock;
    private final EventLog events;
    private final ControlsCheck controls;

    AuthorizationService(AuthorizationRepository authorizations, CardService cards, TopUpService topUps,
                         ProductCatalog products, LedgerService ledger, Clock clock, EventLog events, ControlsCheck controls) {
        this.authorizations = authorizations;
        this.cards = cards;
        this.topUps = topUps;
        this.products = products;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
        this.controls = controls;
    }

    @Transactional
    public Authorization authorize(String merchantId, String cardId, Purchase purchase, String merchantName) {
        Card card = cards.lockOwn(merchantId, cardId);
        String authorizationId = Ids.newId("auth");
        Money amount = purchase.amount();
        DeclineCode declineCode = declineReason(card, amount);
        ControlsOutcome controlled = ControlsOutcome.PASSED;
        if (declineCode == null) {
            controlled = controls.check(authorizationId, card, purchase);
            declineCode = DeclineCode.of(controlled.declineCode());
        }
        if (declineCode == null && !ledger.spend(authorizationId, cardId, amount)) {
            declineCode = DeclineCode.INSUFFICIENT_FUNDS;
        }
        Authorization authorization = new Authorization(authorizationId, cardId, amount.minor(), amount.currencyCode(),
                merchantName.strip(), declineCode == null ? Authorization.Status.APPROVED : Authorization.Status.DECLINED, declineCode,
                DeclineCode.of(controlled.shadowDeclineCode()), clock.instant());
        authorizations.insert(merchantId, authorization);
        events.recordCreated(List.of(new EventLog.Change(merchantId, authorization.status() == Authorization.Status.APPROVED
                ? EventType.AUTHORIZATION_APPROVED : EventType.AUTHORIZATION_DECLINED, authorizationId, authorization)));
        return authorization;
    }

    public Page<Authorization> listForCard(String merchantId, String cardId, PageRequest page) {
        cards.get(merchantId, cardId);
        return authorizations.page(cardId, page);
    }

    private DeclineCode declineReason(Card card, Money amount) {
        if (!card.canMoveMoney()) {
            return DeclineCode.CARD_NOT_ACTIVE;
        }
        if (!products.get(card.productId()).currency().equals(amount.currencyCode())) {
            return DeclineCode.CURRENCY_MISMATCH;
        }
        if (!topUps.hasApprovedTopUp(card.id())) {
            return DeclineCode.CARD_NOT_FUNDED;
        }
        return null;
    }
}
