package io.kycwhitelist.exchange.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckResults")
public record CheckResults(@Schema(description = "One answer per address, in the order asked.") List<WhitelistAnswer> results) {}
