package io.quest.platform.approval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets into which account is access control: a change to a permission set or an assignment is reviewed as IAM. */
class IdentityCenterChangesTest {

    private static ResourceChange change(String type, String name) {
        Urn urn = Urn.parse("urn:pulumi:shared::quest-platform::quest:identity:IdentityCenterAccess$" + type + "::" + name);
        return new ResourceChange(Operation.CREATE, urn, type, false, null, null, List.of(), List.of());
    }

    @Test
    void permission_sets_their_policies_and_assignments_are_iam_changes() {
        for (String type : List.of("aws:ssoadmin/permissionSet:PermissionSet",
                "aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment",
                "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
                "aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment",
                "aws:ssoadmin/accountAssignment:AccountAssignment",
                "aws:identitystore/groupMembership:GroupMembership")) {
            assertThat(ControlArea.of(change(type, "access-x"))).as(type).contains(ControlArea.IAM);
        }
        assertThat(ControlArea.of(change("aws:sns/topic:Topic", "alerts"))).isEmpty();
    }
}
