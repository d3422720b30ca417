package io.quest.platform.testing;

import com.pulumi.test.TestResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A mock run's failures as one line each: the program's errors, the root cause of each exception, duplicate URNs. */
final class Problems {

    /** How {@link io.quest.platform.plan.MockCloud} words a stack reference it has no outputs for. */
    private static final Pattern UNPLANNED = Pattern.compile("stack (\\S+) reads stack (\\S+), which has not been planned");

    private Problems() {
    }

    static List<String> of(TestResult result, List<String> duplicateUrns, Collection<String> faked) {
        List<String> lines = new ArrayList<>(result.errors());
        for (Exception e : result.exceptions()) {
            lines.add(of(e, faked));
        }
        lines.addAll(duplicateUrns);
        return lines.stream().distinct().toList();
    }

    /** The root cause's message of a failure, in the kit's words. */
    static String of(Throwable failure, Collection<String> faked) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return unfaked(message, faked);
    }

    private static String unfaked(String message, Collection<String> faked) {
        Matcher m = UNPLANNED.matcher(message);
        if (!m.find()) {
            return message;
        }
        return "stack " + m.group(1) + " reads stack " + m.group(2) + ", which is not faked; fake it with .reference(\""
                + m.group(2) + "\", outputs) (faked: " + faked + ")";
    }
}
