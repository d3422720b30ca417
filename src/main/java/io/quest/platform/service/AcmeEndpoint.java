package io.quest.platform.service;

import io.quest.platform.choice.ConfigChoice;

/**
 * Which Let's Encrypt ACME directory the renewal job asks (https://letsencrypt.org/docs/staging-environment/ and
 * https://letsencrypt.org/getting-started/, read 2026-12-02).
 */
public enum AcmeEndpoint implements ConfigChoice {
    /** Let's Encrypt's production directory: certificates every browser trusts, under production rate limits. The default. */
    PRODUCTION("production", "https://acme-v02.api.letsencrypt.org/directory"),
    /**
     * Let's Encrypt's staging directory: far higher rate limits for trying the job out, but certificates from an
     * untrusted root, so browsers and the health canary refuse the service while it serves one.
     */
    STAGING("staging", "https://acme-staging-v02.api.letsencrypt.org/directory");

    private final String configValue;
    private final String directoryUrl;

    AcmeEndpoint(String configValue, String directoryUrl) {
        this.configValue = configValue;
        this.directoryUrl = directoryUrl;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The ACME directory URL certbot's {@code --server} takes. */
    public String directoryUrl() {
        return directoryUrl;
    }
}
