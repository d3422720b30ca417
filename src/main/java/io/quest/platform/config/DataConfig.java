package io.quest.platform.config;

import io.quest.platform.data.DatabaseSpec;

import java.util.Objects;

/**
 * A data stack's settings ({@code role: data}): the environment stack whose network, service and alert topic it
 * reads, and the database it runs there.
 *
 * @param environmentStack {@code quest-platform:environmentStack}: the fully qualified environment stack. Defaults to the
 *                         sibling stack named as the environment ({@code dev-data} reads {@code dev})
 * @param database         {@code quest-platform:database}: the database
 */
public record DataConfig(String environmentStack, DatabaseSpec database) {

    public DataConfig {
        Objects.requireNonNull(environmentStack, "environmentStack");
        Objects.requireNonNull(database, "database");
    }
}
