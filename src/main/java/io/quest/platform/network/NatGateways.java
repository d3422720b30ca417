package io.quest.platform.network;

import io.quest.platform.choice.ConfigChoice;

/** How private subnets reach the internet. */
public enum NatGateways implements ConfigChoice {
    /** No NAT gateway: private subnets reach AWS only through VPC endpoints. Cheapest; needs the ECR and Logs endpoints. */
    NONE("none"),
    /** One NAT gateway in the first AZ shared by every private subnet: an AZ outage cuts egress everywhere. */
    SINGLE("single"),
    /** One NAT gateway per AZ, each private subnet routed through its own: survives the loss of an AZ. */
    PER_AZ("per-az"),
    /**
     * One NAT instance ({@link NatInstances}) in the first AZ shared by every private subnet: a fraction of a NAT
     * gateway's price, burstable bandwidth, minutes to replace a failed instance, an AZ outage cuts egress everywhere.
     */
    INSTANCE("instance"),
    /** One NAT instance per AZ, each private subnet routed through its own: an instance or AZ lost costs only its AZ. */
    INSTANCE_PER_AZ("instance-per-az");

    private final String configValue;

    NatGateways(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** Whether the AZ at this position gets a NAT device of its own. */
    public boolean natIn(int azIndex) {
        return switch (this) {
            case NONE -> false;
            case SINGLE, INSTANCE -> azIndex == 0;
            case PER_AZ, INSTANCE_PER_AZ -> true;
        };
    }

    /** Whether each private subnet routes through the NAT device of its own AZ (else through the first AZ's). */
    public boolean perAz() {
        return this == PER_AZ || this == INSTANCE_PER_AZ;
    }

    /** Whether the NAT devices are instances rather than managed NAT gateways. */
    public boolean instances() {
        return this == INSTANCE || this == INSTANCE_PER_AZ;
    }
}
