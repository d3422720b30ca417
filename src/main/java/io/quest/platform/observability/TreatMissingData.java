package io.quest.platform.observability;

import io.quest.platform.choice.ConfigChoice;

/** How an alarm treats periods without data points: CloudWatch's {@code TreatMissingData} values, spelt as AWS spells them. */
public enum TreatMissingData implements ConfigChoice {
    /** Missing data counts as breaching the threshold: silence is itself the problem (a canary that stopped running). */
    BREACHING("breaching"),
    /** Missing data counts as within the threshold: no traffic means no errors. */
    NOT_BREACHING("notBreaching"),
    /** The alarm keeps its current state until data arrives. */
    IGNORE("ignore"),
    /** The alarm looks further back for data and goes to INSUFFICIENT_DATA when there is none (CloudWatch's default). */
    MISSING("missing");

    private final String configValue;

    TreatMissingData(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
