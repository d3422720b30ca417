package io.quest.platform.ci;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stack CI previews and deploys: a row of the deploy workflow's matrix, whose job declares
 * {@code environment: <environment>} and so receives the OIDC subject {@code repo:OWNER/NAME:environment:<environment>},
 * the one subject the deploy role of that environment trusts.
 *
 * @param stack         the Pulumi stack ({@code dev}, {@code prod}, {@code prod-network})
 * @param environment   its environment: the GitHub environment its deploy job runs in, and the name of its
 *                      account in the shared stack's {@code quest-platform:accounts}
 * @param account       the AWS account the stack deploys into
 * @param region        the region the stack deploys into
 * @param deployRoleArn the CI deploy role of that environment, in the shared account
 */
public record CiStack(String stack, String environment, String account, String region, String deployRoleArn) {

    public CiStack {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(deployRoleArn, "deployRoleArn");
    }

    /** The row as the workflow reads it ({@code matrix.stack}, {@code matrix.environment}, ...). */
    public Map<String, String> toMap() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("stack", stack);
        row.put("environment", environment);
        row.put("account", account);
        row.put("region", region);
        row.put("deployRoleArn", deployRoleArn);
        return row;
    }
}
