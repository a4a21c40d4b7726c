package io.kycwhitelist.review;

public enum Decision {
    APPROVE,
    REJECT
}
