package io.quest.platform.governance;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One AWS Config managed rule as the platform deploys it.
 *
 * @param name        the rule's name in AWS's list of managed rules ({@code restricted-ssh}), also its Config rule name
 * @param identifier  the source identifier AWS owns ({@code INCOMING_SSH_DISABLED}); often, not always, the name in capitals
 * @param parameters  input parameters, by AWS's parameter names; empty for none
 * @param accountWide whether it evaluates the account or global (IAM) resources, so it is deployed in the home region only
 * @param controls    the benchmark controls it checks, for the table of controls ({@code FSBP EC2.13, CIS 4.1})
 */
public record ManagedRule(String name, String identifier, Map<String, String> parameters, boolean accountWide, String controls) {

    public ManagedRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(controls, "controls");
        if (!name.matches("[a-z0-9-]{1,128}")) {
            throw new IllegalArgumentException("managed rule name " + name + " is not lowercase words joined by '-'");
        }
        if (!identifier.matches("[A-Z0-9_]+")) {
            throw new IllegalArgumentException("managed rule identifier " + identifier + " is not AWS's upper-case form");
        }
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** A rule with parameters of its own. */
    public ManagedRule withParameters(Map<String, String> more) {
        return new ManagedRule(name, identifier, more, accountWide, controls);
    }
}
