package io.kycwhitelist.webhooks.api;

import io.kycwhitelist.whitelist.ChangeType;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookRegistration")
public record WebhookRegistration(
        @NotNull @Size(max = 2000) @Schema(example = "https://exchange.example/kyc-webhook") String url,
        @NotNull @Size(min = 32, max = 200)
        @Schema(description = "The shared secret the deliveries are signed with (HMAC-SHA256); at least 32 characters. Never shown again.")
        String secret,
        @NotEmpty @Schema(description = "The changes to deliver.") Set<@NotNull ChangeType> eventTypes) {}
