package io.quest.platform.service;

import io.quest.platform.choice.ConfigChoice;

/** The security policies the HTTPS listener may use: TLS 1.3 policies only, as named by Elastic Load Balancing. */
public enum TlsPolicy implements ConfigChoice {
    /** TLS 1.3 and 1.2 with forward-secret AES-GCM ciphers only: every current browser. The default. */
    TLS13_1_2("ELBSecurityPolicy-TLS13-1-2-2021-06"),
    /** TLS 1.3 only: for clients known to speak it; older clients cannot connect at all. */
    TLS13_1_3("ELBSecurityPolicy-TLS13-1-3-2021-06");

    private final String configValue;

    TlsPolicy(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
