package io.kycwhitelist.webhooks.api;

import io.kycwhitelist.webhooks.WebhookDelivery;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(long id, UUID endpointId, UUID eventId, String eventType, String address, WebhookDelivery.Status status,
                           int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant giveUpAt) {

    public static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(d.id, d.endpointId, d.eventId, d.eventType, d.address, d.status, d.retries.attempts, d.retries.lastError,
                d.createdAt, d.retries.nextAttemptAt, d.retries.giveUpAt);
    }
}
