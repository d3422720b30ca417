package io.quest.platform.network;

import io.quest.platform.config.ConfigChoice;

/** How private subnets reach the internet. */
public enum NatGateways implements ConfigChoice {
    /** No NAT gateway: private subnets reach AWS only through VPC endpoints. Cheapest; needs the ECR and Logs endpoints. */
    NONE("none"),
    /** One NAT gateway in the first AZ shared by every private subnet: an AZ outage cuts egress everywhere. */
    SINGLE("single"),
    /** One NAT gateway per AZ, each private subnet routed through its own: survives the loss of an AZ. */
    PER_AZ("per-az");

    private final String configValue;

    NatGateways(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
