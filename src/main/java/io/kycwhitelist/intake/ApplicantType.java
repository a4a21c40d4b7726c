package io.kycwhitelist.intake;

public enum ApplicantType {
    INDIVIDUAL,
    ORGANIZATION
}
