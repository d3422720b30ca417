package io.quest.platform.choice;

/**
 * An enum whose constants are chosen in configuration by a spelling of their own
 * ({@code natGateways: per-az}), so Java names can change without breaking stack files. Domain enums implement
 * it and {@code config} reads them through it; it lives in a package of its own so that no domain package
 * depends on {@code config}.
 */
public interface ConfigChoice {

    /** How the choice is written in a stack file. */
    String configValue();
}
