package io.kycwhitelist.webhooks.api;

import io.kycwhitelist.webhooks.WebhookEndpoint;
import io.kycwhitelist.whitelist.ChangeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered endpoint, without its secret. */
@Schema(name = "WebhookEndpoint")
public record WebhookEndpointView(UUID id, String url, List<ChangeType> eventTypes, String createdBy, Instant createdAt) {

    public static WebhookEndpointView of(WebhookEndpoint e) {
        return new WebhookEndpointView(e.id, e.url, e.eventTypes, e.createdBy, e.createdAt);
    }
}
