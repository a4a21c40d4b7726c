package io.kycwhitelist.intake.rest;

/** Example bodies for the API description; the tests submit the same kinds of body. */
final class ApiExamples {

    static final String INDIVIDUAL = """
            {
              "applicantType": "INDIVIDUAL",
              "fullLegalName": "Zoë Łukasiewicz",
              "dateOfBirth": "1990-04-12",
              "citizenships": ["DE", "PL"],
              "countryOfResidence": "DE",
              "taxResidences": ["DE"],
              "usPermanentResident": false,
              "idDocument": {"type": "PASSPORT", "number": "C01X00T47", "issuingCountry": "DE", "expiryDate": "2031-08-31"},
              "email": "zoe@example.org",
              "wallets": [{"chain": "ETHEREUM", "address": "0x52908400098527886E0F7030069857D2E4169EE7"}],
              "declarations": {"notUsPerson": true, "termsVersion": "2026-11"}
            }""";

    static final String ORGANIZATION = """
            {
              "applicantType": "ORGANIZATION",
              "legalName": "Nordlicht Capital GmbH",
              "registrationNumber": "HRB 123456",
              "countryOfIncorporation": "DE",
              "principalPlaceOfBusiness": "DE",
              "representative": {
                "fullLegalName": "Jonas Weber",
                "dateOfBirth": "1981-02-03",
                "citizenships": ["DE"],
                "countryOfResidence": "DE",
                "usPermanentResident": false,
                "idDocument": {"type": "NATIONAL_ID", "number": "T22000129", "issuingCountry": "DE", "expiryDate": "2030-05-31"}
              },
              "email": "compliance@nordlicht.example",
              "wallets": [{"chain": "ETHEREUM", "address": "0x8617E340B3D01FA5F11F306F4090FD50E238070D"}],
              "declarations": {"notUsPerson": true, "termsVersion": "2026-11"}
            }""";

    static final String REJECTED = """
            {
              "id": "5b0d3c52-8f1e-4a5b-9a43-3f0e2f7d6c11",
              "status": "REJECTED",
              "reasons": [
                {"code": "RESTRICTED_RESIDENCE", "country": "US",
                 "message": "The applicant's country of residence is United States (US), a restricted jurisdiction: the United States (Regulation S)."}
              ],
              "flags": [],
              "policyVersion": "2026-11-22.1",
              "statusToken": "q3Jb0rZ3mXoYc1tq0m2l8w4n6Yx9kPjR2sVd5hLg7aE",
              "createdAt": "2026-11-22T10:15:30.123456Z"
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "/problems/validation-failed",
              "title": "The request is not valid",
              "status": 400,
              "detail": "2 fields are not valid; see errors.",
              "errors": [
                {"field": "idDocument.expiryDate", "message": "must not be in the past (the document has expired)"},
                {"field": "wallets[0].address", "message": "must be an Ethereum address: 0x and 40 hex digits; a mixed-case address must match its EIP-55 checksum"}
              ]
            }""";

    private ApiExamples() {}
}
