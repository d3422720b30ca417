package io.quest.platform.policy;

import io.quest.platform.config.AccessConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.identity.IdentityCenterAccess;
import io.quest.platform.identity.PlatformRole;
import io.quest.platform.planned.PlannedResource;

import java.util.List;

/**
 * Says how the shared stack treats the organisation's IAM Identity Center instance: read, never managed (info), with
 * the permission sets and assignments it does manage; or people's access left to the organisation (low), since the
 * break-glass roles then trust the shared account's own IAM principals, which the platform never creates.
 */
public final class IdentityCenterRule implements PolicyRule {

    @Override
    public String id() {
        return "identity-center";
    }

    @Override
    public List<Finding> check(PricedStack plan, PlatformConfig config) {
        if (config.shared() == null) {
            return List.of();
        }
        AccessConfig access = config.shared().access();
        if (!access.identityCenter()) {
            // On the break-glass role of the first member account: its trust is what changes without Identity Center.
            String breakGlass = plan.ofType("aws:iam/role:Role").stream()
                    .filter(r -> PlatformRole.BREAK_GLASS.roleName().equals(r.input("name")))
                    .map(PlannedResource::urn).findFirst().orElse(null);
            return List.of(new Finding(id(), Severity.low, breakGlass, "people's access is not managed here (quest-platform:access.identityCenter"
                    + " is false): no permission sets; the break-glass roles trust the shared account's IAM principals that signed in"
                    + " with MFA, which the platform never creates (docs/access.md)"));
        }
        String urn = plan.ofType(IdentityCenterAccess.TYPE).stream().map(PlannedResource::urn).findFirst().orElse(null);
        int sets = plan.ofType("aws:ssoadmin/permissionSet:PermissionSet").size();
        int assignments = plan.ofType("aws:ssoadmin/accountAssignment:AccountAssignment").size();
        return List.of(new Finding(id(), Severity.info, urn, "the organisation's IAM Identity Center instance in " + access.region()
                + " is read, not managed here: this stack manages " + sets + " permission sets and " + assignments
                + " group assignments; users and groups stay in the organisation's Identity Store"
                + (assignments == 0 ? " (no groups are assigned: set quest-platform:access.groups)" : "")));
    }
}
