package io.quest.platform.iam;

import java.util.List;
import java.util.Objects;

/** One condition of a statement: an operator ({@code StringEquals}), a key ({@code aws:SourceAccount}) and values. */
public record Condition(String test, String variable, List<String> values) {

    public Condition {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(variable, "variable");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition " + test + " " + variable + " needs a value");
        }
    }
}
