package io.kycwhitelist.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kycwhitelist.common.Countries;
import io.kycwhitelist.common.Hashes;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a policy data file (YAML; the format is described in the shipped
 * {@code policy/jurisdictions.yaml}) and checks it thoroughly: a policy with an unknown country
 * code or a duplicate would silently fail to restrict.
 */
public final class PolicyLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private PolicyLoader() {}

    /** Where the file is wrong and how, in the file's own terms (its fields and lines, never the parser's Java types). */
    static String describe(JacksonException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String what = mapping instanceof UnrecognizedPropertyException ? "is not a field of a policy file"
                    : mapping instanceof InvalidFormatException ? "has a value that is not one of the allowed ones"
                    : "has a value of the wrong kind";
            return field + " " + what + where;
        }
        return "not well-formed YAML" + where;
    }

    /** @throws InvalidPolicyException naming what is wrong in the file */
    public static JurisdictionPolicy load(byte[] content, String source) {
        PolicyFile file;
        try {
            file = YAML.readValue(content, PolicyFile.class);
        } catch (JacksonException e) {
            throw new InvalidPolicyException(source + " is not a valid policy file: " + describe(e), e);
        } catch (IOException e) {
            throw new InvalidPolicyException(source + " could not be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (file == null) {
            throw new InvalidPolicyException(source + " is empty");
        }
        require(file.version() != null && !file.version().isBlank(), "version is missing", problems);
        require(file.effectiveDate() != null, "effectiveDate is missing", problems);
        require(file.minimumAge() != null && file.minimumAge() >= 0, "minimumAge is missing or negative", problems);
        require(file.acceptedTermsVersions() != null && !file.acceptedTermsVersions().isEmpty(),
                "acceptedTermsVersions needs at least one version", problems);
        Set<String> seen = new HashSet<>();
        List<RestrictedCountry> countries = new ArrayList<>();
        for (CountryEntry c : Optional.ofNullable(file.countries()).orElse(List.of())) {
            if (!Countries.isAssigned(c.code()) || !c.code().equals(c.code().toUpperCase())) {
                problems.add("country code '" + c.code() + "' is not an upper-case ISO 3166-1 alpha-2 code");
                continue;
            }
            require(seen.add(c.code()), "country " + c.code() + " is listed twice", problems);
            require(c.basis() != null && !c.basis().isBlank(), "country " + c.code() + " has no basis", problems);
            Set<Attribute> applies = c.appliesTo() == null || c.appliesTo().isEmpty()
                    ? EnumSet.allOf(Attribute.class)
                    : EnumSet.copyOf(c.appliesTo());
            countries.add(new RestrictedCountry(c.code(), c.name() != null ? c.name() : Countries.name(c.code()),
                    c.basis(), applies, Optional.ofNullable(c.exemption())));
        }
        List<RestrictedSubdivision> subdivisions = new ArrayList<>();
        for (SubdivisionEntry s : Optional.ofNullable(file.subdivisions()).orElse(List.of())) {
            if (!Countries.isSubdivisionCode(s.code()) || !s.code().equals(s.code().toUpperCase())) {
                problems.add("subdivision code '" + s.code() + "' is not an upper-case ISO 3166-2 code");
                continue;
            }
            require(seen.add(s.code()), "subdivision " + s.code() + " is listed twice", problems);
            require(s.name() != null && s.basis() != null, "subdivision " + s.code() + " needs a name and a basis", problems);
            subdivisions.add(new RestrictedSubdivision(s.code(), s.name(), s.basis()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source + " is not a valid policy file: " + String.join("; ", problems));
        }
        return new JurisdictionPolicy(file.version(), file.effectiveDate(), Hashes.sha256Hex(content), file.minimumAge(),
                file.acceptedTermsVersions(), Optional.ofNullable(file.walletProof()).orElse(WalletProof.REQUIRED), countries, subdivisions);
    }

    private static void require(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }

    public static final class InvalidPolicyException extends RuntimeException {
        InvalidPolicyException(String message) {
            super(message);
        }

        InvalidPolicyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record PolicyFile(
            String version,
            LocalDate effectiveDate,
            Integer minimumAge,
            List<String> acceptedTermsVersions,
            WalletProof walletProof,
            List<CountryEntry> countries,
            List<SubdivisionEntry> subdivisions) {}

    record CountryEntry(String code, String name, String basis, List<Attribute> appliesTo, Exemption exemption) {}

    record SubdivisionEntry(String code, String name, String basis) {}
}
