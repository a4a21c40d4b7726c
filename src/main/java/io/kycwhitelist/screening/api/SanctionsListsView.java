package io.kycwhitelist.screening.api;

import io.kycwhitelist.screening.ListSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sanctions lists in force. */
@Schema(name = "SanctionsLists")
public record SanctionsListsView(
        @Schema(description = "Each list: its date, the SHA-256 of its files, entries and addresses.") List<ListSource> lists,
        @Schema(description = "The directory the lists were read from, or that they are the copies shipped with the service.") String origin,
        Instant loadedAt,
        @Schema(description = "How long reading and indexing took.") long loadMillis,
        @Schema(description = "Names and aliases screened: of individuals, and of entities, vessels and aircraft.") Map<String, Integer> screenedNames,
        @Schema(description = "Sanctioned digital currency addresses by asset (ETH, XBT, ...); only Ethereum addresses can apply today.") Map<String, Integer> addressesByAsset,
        @Schema(description = "Name matches scoring at least this go to review.") double threshold) {}
