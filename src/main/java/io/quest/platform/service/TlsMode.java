package io.quest.platform.service;

import io.quest.platform.choice.ConfigChoice;

/** Where the load balancer's certificate comes from, or that there is none. */
public enum TlsMode implements ConfigChoice {
    /** ACM issues and renews a certificate, validated through DNS records in a Route 53 hosted zone. The default. */
    ACM("acm"),
    /** A certificate bought elsewhere, imported into ACM from secret config; renewing it is the owner's job. */
    IMPORTED("imported"),
    /**
     * Let's Encrypt issues the certificate through a DNS-01 challenge in a Route 53 hosted zone; a scheduled job
     * ({@link CertificateRenewal}) obtains and renews it and re-imports it into ACM under the same ARN.
     */
    LETSENCRYPT("letsencrypt"),
    /** No certificate: the load balancer serves plain HTTP. Refused in production, a finding elsewhere. */
    NONE("none");

    private final String configValue;

    TlsMode(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
