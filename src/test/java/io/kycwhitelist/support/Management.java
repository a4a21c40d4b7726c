package io.kycwhitelist.support;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/** The management interface of the service under test (health, metrics, OpenAPI), on its own port. */
public final class Management {

    private Management() {}

    /** The absolute URL of a management path such as {@code /q/metrics}. */
    public static String url(String path) {
        String root = TestHTTPResourceManager.getManagementUri();
        return root.replaceAll("/q/?$", "").replaceAll("/$", "") + path;
    }
}
