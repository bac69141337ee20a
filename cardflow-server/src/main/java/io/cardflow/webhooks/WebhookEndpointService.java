package io.cardflow.webhooks;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Stand-in for i13-endpoints' class (replaced when main is merged in). */
@Service
public class WebhookEndpointService {

    public record SigningTarget(String endpointId, String merchantId, String url, boolean enabled, List<String> secrets) {
    }

    public record Subscriber(String endpointId, String merchantId, EventTypeFilter filter) {
    }

    public boolean disable(String endpointId, DisabledReason reason) {
        throw new UnsupportedOperationException();
    }

    public Optional<SigningTarget> signingTarget(String endpointId) {
        throw new UnsupportedOperationException();
    }

    public List<Subscriber> subscribers(Collection<String> merchantIds) {
        throw new UnsupportedOperationException();
    }

    public WebhookEndpoint get(String merchantId, String endpointId) {
        throw new UnsupportedOperationException();
    }
}
