package io.quest.platform.config;

/**
 * An enum whose constants are chosen in configuration by a spelling of their own
 * ({@code natGateways: per-az}), so Java names can change without breaking stack files.
 */
public interface ConfigChoice {

    /** How the choice is written in a stack file. */
    String configValue();
}
