package io.quest.platform.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.quest.platform.config.AccessConfig;
import io.quest.platform.config.PlatformConfig;
import io.quest.platform.config.SharedConfig;
import io.quest.platform.identity.AccessRole;
import io.quest.platform.identity.CrossAccountRoles;
import io.quest.platform.identity.GroupAssignment;
import io.quest.platform.identity.IdentityCenterAccess;
import io.quest.platform.identity.IdentityCenterAccessArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * People's access, composed in the shared stack: the permission sets and group assignments of the organisation's IAM
 * Identity Center instance ({@link IdentityCenterAccess}), or nothing when {@code access.identityCenter} is false.
 */
final class AccessLayer {

    /** What the shared stack says about the instance in its {@code identityCenter} output. */
    static final String READ_NOT_MANAGED = "read, not managed: the organisation's instance belongs to it; this stack manages"
            + " only the permission sets and their group assignments";
    static final String OFF = "off: quest-platform:access.identityCenter is false; people's access is managed outside this stack";

    private AccessLayer() {
    }

    /**
     * Composes people's access and returns the {@code identityCenter} output: how the instance is treated and, when it
     * is used, its ARN, Identity Store, region and each permission set's ARN ({@code permissionSet.<role>}).
     *
     * @param roles the cross-account roles of each member account, by environment: the deployer-equivalent set's
     *              boundary must exist in an account before the set is assigned there
     */
    static Output<Map<String, String>> compose(PlatformConfig config, Map<String, CrossAccountRoles> roles) {
        SharedConfig shared = config.shared();
        AccessConfig access = shared.access();
        if (!access.identityCenter()) {
            return Output.of(Map.of("management", OFF));
        }
        // The instance's own region: its own provider, so it never collides with the baseline's per-region providers.
        var options = ComponentResourceOptions.builder()
                .providers(Providers.forIdentityCenter(config, access.region()))
                .build();
        List<GroupAssignment> assignments = new ArrayList<>();
        access.groups().forEach((role, byAccount) -> byAccount.forEach((account, groups) -> groups.forEach(group ->
                assignments.add(new GroupAssignment(role, account, shared.accounts().get(account), group)))));
        Map<String, List<Resource>> prerequisites = new LinkedHashMap<>();
        roles.forEach((env, r) -> prerequisites.put(shared.members().get(env), List.of(r.boundary())));

        Map<AccessRole, Integer> hours = access.sessionHours();
        var center = new IdentityCenterAccess("access", new IdentityCenterAccessArgs(config.partition(), shared.members(), hours, assignments,
                prerequisites, config.tags()), options);
        return Output.tuple(center.instanceArn(), center.identityStoreId(), center.permissionSetArns()).applyValue(t -> {
            Map<String, String> out = new TreeMap<>();
            out.put("management", READ_NOT_MANAGED);
            out.put("instanceArn", t.t1);
            out.put("identityStoreId", t.t2);
            out.put("region", access.region());
            t.t3.forEach((role, arn) -> out.put("permissionSet." + role, arn));
            return out;
        });
    }
}
