package io.cardflow.portal;

import io.cardflow.people.MerchantRole;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which merchant roles may take each kind of portal action: the one place that decides, asked both by the pages (to
 * show a button or not) and by {@link PortalActions} before it acts (so a POST without the button is refused, 403).
 */
enum PortalPermission {
    /** Suspend, reactivate and close cards: the card holder's money is at stake. */
    MANAGE_CARDS(EnumSet.of(MerchantRole.OWNER)),
    /** Fund a card from the merchant's balance. */
    START_TOPUPS(EnumSet.of(MerchantRole.OWNER, MerchantRole.DEVELOPER)),
    /** Issue and revoke API keys. */
    MANAGE_API_KEYS(EnumSet.of(MerchantRole.OWNER, MerchantRole.DEVELOPER)),
    /** Send an event to a webhook endpoint again. */
    REPLAY_WEBHOOKS(EnumSet.of(MerchantRole.OWNER, MerchantRole.DEVELOPER));

    private final Set<MerchantRole> roles;

    PortalPermission(Set<MerchantRole> roles) {
        this.roles = roles;
    }

    boolean allows(PortalUser user) {
        return user.merchantId() != null && roles.stream().anyMatch(role -> role.wire().equals(user.role()));
    }

    void require(PortalUser user) {
        if (!allows(user)) {
            throw new AccessDeniedException("A merchant " + user.role() + " may not " + name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
